package dev.patterncatalog.lab.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.patterncatalog.lab.LabBusy;
import dev.patterncatalog.lab.LabProperties;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard's permits: taken when the work is subscribed, held until it ends, given back
 * when it is cancelled; refused work is never subscribed.
 */
class LabGuardTests {

	private static LabGuard guard(int runsPerSecond, int maxRuns) {
		return new LabGuard(new LabProperties(
				new LabProperties.Limits(Duration.ofSeconds(30), 100, 10_000, 1000, Duration.ofSeconds(60)), Map.of(),
				URI.create("http://127.0.0.1:1"), new LabProperties.Guard(runsPerSecond, maxRuns, 1, 1),
				new LabProperties.Client(4000, Duration.ofSeconds(10))));
	}

	@Test
	void runsBeyondTheBulkheadAreRefusedWith503UntilARunEndsOrIsCancelled() {
		LabGuard guard = guard(1000, 2);
		AtomicInteger subscribed = new AtomicInteger();
		Mono<String> endless = Mono.<String>never().doOnSubscribe((subscription) -> subscribed.incrementAndGet());
		Disposable first = guard.run(endless).subscribe();
		Disposable second = guard.run(endless).subscribe();

		StepVerifier.create(guard.run(endless))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(LabBusy.class,
					(busy) -> assertThat(busy.getStatusCode().value()).isEqualTo(503)))
			.verify(Duration.ofSeconds(5));
		assertThat(subscribed).hasValue(2);

		first.dispose();
		StepVerifier.create(guard.run(Mono.just("ran")))
			.expectNext("ran")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		// the completed run gave its permit back too
		StepVerifier.create(guard.run(Mono.just("again")))
			.expectNext("again")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		second.dispose();
	}

	@Test
	void comparisonsBeyondTheRateAreRefusedWith429WithoutBeingSubscribed() {
		LabGuard guard = guard(1000, 2);
		AtomicInteger subscribed = new AtomicInteger();
		Flux<Integer> comparison = Flux.just(1, 2).doOnSubscribe((subscription) -> subscribed.incrementAndGet());
		int refused = 0;
		// one comparison a second: five within a moment get at most two (if they straddle
		// a refresh)
		for (int i = 0; i < 5; i++) {
			try {
				assertThat(guard.comparison(comparison).collectList().block(Duration.ofSeconds(5))).containsExactly(1,
						2);
			}
			catch (LabBusy ex) {
				assertThat(ex.getStatusCode().value()).isEqualTo(429);
				refused++;
			}
		}
		assertThat(refused).isGreaterThanOrEqualTo(3);
		assertThat(subscribed).hasValue(5 - refused);
	}

}
