package dev.patterncatalog.lab.backend;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backend calls are timers: these tests run them on virtual time.
 */
class SimulatedBackendTests {

	private static final Duration MAX_HANG = Duration.ofSeconds(60);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SimulatedBackend backend = new SimulatedBackend("test", this.meters);

	private static BackendSpec spec(double delayMs, FailureModel failure) {
		return new BackendSpec("test", new LatencyModel.Fixed(delayMs), failure);
	}

	@Test
	void answersAfterItsLatencyAndCountsTheCall() {
		StepVerifier.withVirtualTime(() -> this.backend.call(spec(200, FailureModel.NONE), 1, 0, MAX_HANG))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(199))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((reply) -> assertThat(reply.latencyMs()).isEqualTo(200))
			.expectComplete()
			.verify(Duration.ofSeconds(5));

		assertThat(this.backend.stats()).isEqualTo(new BackendStats("test", 0, 1, 1, 0, 0));
		assertThat(this.meters.get("lab.backend.calls").tag("outcome", "completed").counter().count()).isEqualTo(1);
	}

	@Test
	void failsAsItsFailureModelSays() {
		StepVerifier
			.withVirtualTime(() -> this.backend.call(spec(50, new FailureModel(1, 502, 0, false)), 1, 0, MAX_HANG))
			.thenAwait(Duration.ofMillis(50))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BackendFailed.class)
				.satisfies((failed) -> assertThat(((BackendFailed) failed).getStatusCode().value()).isEqualTo(502)))
			.verify(Duration.ofSeconds(5));

		assertThat(this.backend.stats().failed()).isEqualTo(1);
	}

	@Test
	void failFirstFailsEarlyAttemptsOnly() {
		BackendSpec spec = spec(10, new FailureModel(0, 503, 2, false));
		for (int attempt = 1; attempt <= 3; attempt++) {
			int number = attempt;
			StepVerifier.Step<BackendReply> step = StepVerifier
				.withVirtualTime(() -> this.backend.call(spec, 1, number, MAX_HANG))
				.thenAwait(Duration.ofMillis(10));
			if (number <= 2) {
				step.expectError(BackendFailed.class).verify(Duration.ofSeconds(5));
			}
			else {
				step.expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
			}
		}
		assertThat(this.backend.stats()).isEqualTo(new BackendStats("test", 0, 3, 1, 2, 0));
	}

	@Test
	void aCancelledCallDisposesItsTimerAndCountsAsCancelled() {
		StepVerifier.withVirtualTime(() -> this.backend.call(spec(1000, FailureModel.NONE), 1, 0, MAX_HANG))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(300))
			.then(() -> assertThat(this.backend.stats().inFlight()).isEqualTo(1))
			.thenCancel()
			.verify(Duration.ofSeconds(5));

		assertThat(this.backend.stats()).isEqualTo(new BackendStats("test", 0, 1, 0, 0, 1));
	}

	@Test
	void aHangingBackendNeverAnswersSoOnlyATimeoutEndsTheCall() {
		StepVerifier
			.withVirtualTime(() -> this.backend.call(spec(0, new FailureModel(0, 503, 0, true)), 1, 0, MAX_HANG)
				.timeout(Duration.ofSeconds(2)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(1999))
			.thenAwait(Duration.ofMillis(1))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(5));

		assertThat(this.backend.stats().cancelled()).isEqualTo(1);
	}

}
