package dev.patterncatalog.lab.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.TestLabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.backend.BackendStats;
import dev.patterncatalog.lab.run.Backends;
import dev.patterncatalog.lab.run.CallRecord;
import dev.patterncatalog.lab.run.LabLoad;
import dev.patterncatalog.lab.run.Outcome;
import dev.patterncatalog.lab.run.Timeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The demos' timing logic on virtual time, with in-process backends: timeouts, retries,
 * hedging, the circuit breaker and cancellation, each to the millisecond, without
 * sleeping.
 */
class DemoVirtualTimeTests {

	private final LabProperties properties = TestLabProperties.defaults();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final BackendRegistry registry = new BackendRegistry(this.properties, this.meters);

	private final Backends backends = new Backends(this.registry, this.properties, () -> "http://127.0.0.1:1",
			JsonMapper.shared());

	@AfterEach
	void closeClient() {
		this.backends.destroy();
		VirtualTimeScheduler.reset();
	}

	@Test
	void sequentialFanOutTakesTheSumAndParallelTheSlowest() {
		Timeline sequential = run(new FanOutDemo(this.registry, this.properties), "sequential", Map.of());
		Timeline parallel = run(new FanOutDemo(this.registry, this.properties), "parallel", Map.of());

		assertThat(sequential.totalMs()).isEqualTo(450);
		assertThat(sequential.calls()).extracting(CallRecord::startMs, CallRecord::endMs)
			.containsExactly(tuple(0.0, 200.0), tuple(200.0, 350.0), tuple(350.0, 450.0));
		assertThat(sequential.theory().value()).isEqualTo(450);
		assertThat(parallel.totalMs()).isEqualTo(200);
		assertThat(parallel.calls()).extracting(CallRecord::startMs).containsOnly(0.0);
		assertThat(parallel.calls()).extracting(CallRecord::endMs).containsExactlyInAnyOrder(200.0, 150.0, 100.0);
		assertThat(parallel.theory().value()).isEqualTo(200);
	}

	@Test
	void failFastCancelsTheSiblingsWhenOneFails() {
		Timeline timeline = run(new PartialFailureDemo(this.registry, this.properties), "fail-fast", Map.of());

		assertThat(timeline.result()).isEqualTo("error");
		assertThat(timeline.totalMs()).isEqualTo(100);
		assertThat(timeline.calls()).extracting(CallRecord::backend, CallRecord::outcome, CallRecord::endMs)
			.containsExactlyInAnyOrder(tuple("profile", Outcome.CANCELLED, 100.0),
					tuple("settings", Outcome.CANCELLED, 100.0), tuple("notifications", Outcome.ERROR, 100.0));
		assertThat(stats("profile").cancelled()).isEqualTo(1);
	}

	@Test
	void settleAllReportsEveryOutcome() {
		Timeline timeline = run(new PartialFailureDemo(this.registry, this.properties), "settle-all", Map.of());

		assertThat(timeline.result()).isEqualTo("ok");
		assertThat(timeline.totalMs()).isEqualTo(200);
		assertThat(timeline.facts()).containsEntry("succeeded", 2L).containsEntry("failed", 1L);
	}

	@Test
	void aTimeoutFallsBackAndCancelsTheAbandonedCall() {
		Timeline timeline = run(new TimeoutDemo(this.properties), "fallback", Map.of("delay", "1000"));

		assertThat(timeline.totalMs()).isEqualTo(300);
		assertThat(timeline.result()).isEqualTo("ok");
		assertThat(timeline.calls()).extracting(CallRecord::backend, CallRecord::outcome, CallRecord::endMs)
			.containsExactly(tuple("slow", Outcome.TIMEOUT, 300.0), tuple("default", Outcome.FALLBACK, 300.0));
		assertThat(stats("slow")).isEqualTo(new BackendStats("slow", 0, 1, 0, 0, 1));
	}

	@Test
	void aTimeoutCanAlsoFailClearly() {
		Timeline timeline = run(new TimeoutDemo(this.properties), "error", Map.of("timeout", "250"));

		assertThat(timeline.totalMs()).isEqualTo(250);
		assertThat(timeline.error()).isEqualTo("Backend 'slow' did not answer within 250 ms");
	}

	@Test
	void withoutATimeoutAHangingBackendHoldsTheCallerUntilTheSafetyCap() {
		Timeline timeline = run(new TimeoutDemo(this.properties), "none", Map.of("hang", "true"));

		assertThat(timeline.totalMs()).isEqualTo(35_000);
		assertThat(timeline.calls()).extracting(CallRecord::outcome).containsExactly(Outcome.TIMEOUT);
	}

	@Test
	void theTimeLimiterCancelsTheSlowCall() {
		Timeline timeline = run(new TimeLimiterDemo(this.properties), "time-limiter", Map.of("timeout", "400"));

		assertThat(timeline.totalMs()).isEqualTo(400);
		assertThat(timeline.calls()).extracting(CallRecord::backend, CallRecord::outcome)
			.containsExactlyInAnyOrder(tuple("time-limiter", Outcome.TIMEOUT), tuple("slow", Outcome.CANCELLED));
	}

	@Test
	void retriesBackOffExponentiallyWithJitterUntilTheAttemptsRunOut() {
		Timeline none = run(new RetryDemo(this.properties), "none", Map.of("error-rate", "1"));
		Timeline backoff = run(new RetryDemo(this.properties), "backoff", Map.of("error-rate", "1"));

		assertThat(none.calls()).hasSize(1);
		assertThat(backoff.result()).isEqualTo("error");
		assertThat(backoff.facts()).containsEntry("backend_calls", 4);
		assertThat(backoff.calls()).hasSize(4).extracting(CallRecord::outcome).containsOnly(Outcome.ERROR);
		// 4 attempts of 20 ms, and waits of 20, 40 and 80 ms, each within ±50 %
		assertThat(backoff.totalMs()).isBetween(80 + 70.0, 80 + 210.0);
		List<CallRecord> calls = backoff.calls();
		for (int i = 1; i < calls.size(); i++) {
			double wait = calls.get(i).startMs() - calls.get(i - 1).endMs();
			double base = 20 * Math.pow(2, i - 1);
			assertThat(wait).as("wait before attempt " + (i + 1)).isBetween(base * 0.5, base * 1.5);
		}
	}

	@Test
	void aHedgeGoesOutAfterItsDelayAndTheLoserIsCancelled() {
		Timeline none = run(new HedgingDemo(this.registry, this.properties), "none", Map.of("backend", "profile"));
		Timeline hedged = run(new HedgingDemo(this.registry, this.properties), "hedged",
				Map.of("backend", "profile", "hedge-after", "50"));

		assertThat(none.calls()).hasSize(1);
		assertThat(none.facts()).containsEntry("hedged", false);
		assertThat(hedged.totalMs()).isEqualTo(200);
		assertThat(hedged.facts()).containsEntry("hedged", true);
		assertThat(hedged.calls()).extracting(CallRecord::startMs, CallRecord::endMs, CallRecord::outcome)
			.containsExactly(tuple(0.0, 200.0, Outcome.OK), tuple(50.0, 200.0, Outcome.CANCELLED));
		assertThat(hedged.calls()).extracting(CallRecord::detail).containsExactly(null, "hedge");
	}

	@Test
	void theCircuitBreakerOpensFailsFastAndRecoversThroughHalfOpen() {
		Timeline none = run(new CircuitBreakerDemo(this.properties, this.meters), "none", Map.of());
		Timeline breaker = run(new CircuitBreakerDemo(this.properties, this.meters), "breaker", Map.of());

		assertThat(none.facts()).containsEntry("backend_calls", 40);
		assertThat(breaker.facts()).containsEntry("final_state", "CLOSED");
		assertThat((Integer) breaker.facts().get("rejected")).isPositive();
		assertThat((Integer) breaker.facts().get("backend_calls")).isLessThan(40);
		assertThat(breaker.facts().get("transitions")).asList()
			.extracting(Object::toString)
			.anyMatch((t) -> t.endsWith("CLOSED to OPEN"))
			.anyMatch((t) -> t.endsWith("OPEN to HALF_OPEN"))
			.anyMatch((t) -> t.endsWith("HALF_OPEN to CLOSED"));
		assertThat(breaker.facts().get("states"))
			.asInstanceOf(InstanceOfAssertFactories.list(CircuitBreakerDemo.State.class))
			.extracting(CircuitBreakerDemo.State::state)
			.startsWith("CLOSED", "OPEN", "HALF_OPEN")
			.endsWith("CLOSED");
		assertThat(breaker.facts().get("states"))
			.asInstanceOf(InstanceOfAssertFactories.list(CircuitBreakerDemo.State.class))
			.extracting(CircuitBreakerDemo.State::atMs)
			.startsWith(0.0)
			.isSorted();
		assertThat(breaker.totalMs()).isLessThan(none.totalMs());
		assertThat(breaker.calls()).filteredOn((c) -> c.detail() != null && c.detail().startsWith("rejected"))
			.allSatisfy((call) -> assertThat(call.durationMs()).isZero());
	}

	@Test
	void theBulkheadBoundsCallsInFlight() {
		Timeline none = run(new BulkheadDemo(this.properties), "none", Map.of());
		Timeline bulkhead = run(new BulkheadDemo(this.properties), "bulkhead", Map.of());

		assertThat(none.facts()).containsEntry("peak_in_flight", 20).doesNotContainKey("rejected");
		assertThat(bulkhead.facts()).containsEntry("peak_in_flight", 5).containsEntry("rejected", 15);
		assertThat(bulkhead.totalMs()).isEqualTo(200);
	}

	@Test
	void aRunIsSlowWhenAnyOfItsCallsIs() {
		Timeline always = run(new TailAmplificationDemo(this.properties), "fan-out", Map.of("p", "1", "n", "3"));
		Timeline never = run(new TailAmplificationDemo(this.properties), "fan-out", Map.of("p", "0", "n", "3"));

		assertThat(always.facts()).containsEntry("slow", true);
		assertThat(always.totalMs()).isEqualTo(200);
		assertThat(never.facts()).containsEntry("slow", false);
		assertThat(never.totalMs()).isEqualTo(10);
		assertThat(never.theory().value()).isZero();
		assertThat(run(new TailAmplificationDemo(this.properties), "fan-out", Map.of("p", "0.01", "n", "100")).theory()
			.value()).isEqualTo(0.634);
	}

	@Test
	void cancellingAnAttachedRunCancelsEveryCallInFlight() {
		Demo<?> demo = new CancelOnDisconnectDemo(this.properties);
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		StepVerifier.withVirtualTime(() -> start(time, demo, "attached", Map.of()), () -> time, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofMillis(500))
			.then(() -> assertThat(stats("long").inFlight()).isEqualTo(5))
			.thenCancel()
			.verify(Duration.ofSeconds(5));

		assertThat(stats("long")).isEqualTo(new BackendStats("long", 0, 5, 0, 0, 5));
	}

	@Test
	void cancellingADetachedRunLeavesItsCallsRunningAsLeakedWork() {
		Demo<?> demo = new CancelOnDisconnectDemo(this.properties);
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		Disposable run = start(time, demo, "detached", Map.of()).subscribe();
		time.advanceTimeBy(Duration.ofMillis(500));

		run.dispose();

		assertThat(stats("long").inFlight()).isEqualTo(5);
		time.advanceTimeBy(Duration.ofSeconds(3));
		assertThat(stats("long")).isEqualTo(new BackendStats("long", 0, 5, 5, 0, 0));
	}

	@Test
	void whenTheClientLeavesAttachedCallsAreCancelledAndDetachedOnesRunOnAsLeakedWork() {
		Timeline attached = run(new CancelOnDisconnectDemo(this.properties), "attached", Map.of());
		Timeline detached = run(new CancelOnDisconnectDemo(this.properties), "detached", Map.of());

		assertThat(attached.totalMs()).isEqualTo(1000);
		assertThat(attached.calls()).hasSize(5)
			.extracting(CallRecord::endMs, CallRecord::outcome)
			.containsOnly(tuple(1000.0, Outcome.CANCELLED));
		assertThat(attached.facts()).containsEntry("client_left_ms", 1000.0).containsEntry("leaked_calls", 0);
		assertThat(detached.totalMs()).isEqualTo(3000);
		assertThat(detached.calls()).hasSize(5)
			.extracting(CallRecord::endMs, CallRecord::outcome)
			.containsOnly(tuple(3000.0, Outcome.OK));
		assertThat(detached.facts()).containsEntry("client_left_ms", 1000.0).containsEntry("leaked_calls", 5);
		assertThat(attached.theory().value()).isEqualTo(1000);
		assertThat(detached.theory().value()).isEqualTo(3000);
		// a client that waits for the answer: both take the calls' latency, and nothing
		// leaks
		Timeline waiting = run(new CancelOnDisconnectDemo(this.properties), "detached", Map.of("disconnect", "0"));
		assertThat(waiting.totalMs()).isEqualTo(3000);
		assertThat(waiting.facts()).doesNotContainKeys("client_left_ms", "leaked_calls");
	}

	private Timeline run(Demo<?> demo, String variant, Map<String, String> parameters) {
		AtomicReference<Timeline> timeline = new AtomicReference<>();
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		StepVerifier.withVirtualTime(() -> start(time, demo, variant, parameters), () -> time, Long.MAX_VALUE)
			.thenAwait(Duration.ofMinutes(5))
			.consumeNextWith(timeline::set)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		return timeline.get();
	}

	/**
	 * A run whose clock is the virtual time scheduler that also drives its timers.
	 */
	private Mono<Timeline> start(VirtualTimeScheduler time, Demo<?> demo, String variant,
			Map<String, String> parameters) {
		DemoRunner runner = new DemoRunner(this.backends, new LabLoad(this.backends), this.properties, this.meters,
				() -> time.now(TimeUnit.NANOSECONDS));
		Map<String, String> all = new HashMap<>(parameters);
		all.put("transport", "in-process");
		all.put("seed", "1");
		LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		all.forEach(values::add);
		return runner.run(new Demos(List.of(demo), this.registry).request(demo, values, Set.of()), variant);
	}

	private BackendStats stats(String backend) {
		return this.registry.stats().stream().filter((s) -> s.backend().equals(backend)).findFirst().orElseThrow();
	}

}
