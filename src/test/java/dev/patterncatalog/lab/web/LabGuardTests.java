package dev.patterncatalog.lab.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.patterncatalog.lab.LabBusy;
import dev.patterncatalog.lab.TestLabProperties;
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
		return new LabGuard(
				TestLabProperties.of(Map.of("guard.runs-per-second", String.valueOf(runsPerSecond), "guard.max-runs",
						String.valueOf(maxRuns), "guard.compares-per-second", "1", "guard.max-compares", "1")));
	}

	@Test
	void runsBeyondTheBulkheadAreRefusedWith503UntilARunEndsOrIsCancelled() {
		LabGuard guard = guard(1000, 2);
		AtomicInteger subscribed = new AtomicInteger();
		Mono<String> endless = Mono.<String>never().doOnSubscribe((subscription) -> subscribed.incrementAndGet());
		Disposable first = guard.run(endless, 1).subscribe();
		Disposable second = guard.run(endless, 1).subscribe();

		StepVerifier.create(guard.run(endless, 1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(LabBusy.class,
					(busy) -> assertThat(busy.getStatusCode().value()).isEqualTo(503)))
			.verify(Duration.ofSeconds(5));
		assertThat(subscribed).hasValue(2);

		first.dispose();
		StepVerifier.create(guard.run(Mono.just("ran"), 1))
			.expectNext("ran")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		// the completed run gave its permit back too
		StepVerifier.create(guard.run(Mono.just("again"), 1))
			.expectNext("again")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		second.dispose();
	}

	@Test
	void workThatWouldHoldMoreBackendCallsThanTheLabHasLeftIsRefusedAndGivesItsOtherPermitsBack() {
		LabGuard guard = new LabGuard(
				TestLabProperties.of(Map.of("guard.max-runs", "2", "limits.max-total-calls-in-flight", "10",
						"guard.compares-per-second", "1", "guard.max-compares", "1")));
		AtomicInteger subscribed = new AtomicInteger();
		Disposable holding = guard.run(Mono.never().doOnSubscribe((subscription) -> subscribed.incrementAndGet()), 8)
			.subscribe();

		StepVerifier.create(guard.run(Mono.just("three more").doOnSubscribe((s) -> subscribed.incrementAndGet()), 3))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(LabBusy.class,
					(busy) -> assertThat(busy.getBody().getDetail()).contains("up to 3 backend calls in flight")
						.contains("hold 8 of at most 10")))
			.verify(Duration.ofSeconds(5));
		assertThat(subscribed).hasValue(1);
		// the refused run's bulkhead permit came back: a second run fits beside the first
		StepVerifier.create(guard.run(Mono.just("two more"), 2))
			.expectNext("two more")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		holding.dispose();
		StepVerifier.create(guard.run(Mono.just("ten"), 10))
			.expectNext("ten")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
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
				assertThat(guard.comparison(comparison, 1).collectList().block(Duration.ofSeconds(5)))
					.containsExactly(1, 2);
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
