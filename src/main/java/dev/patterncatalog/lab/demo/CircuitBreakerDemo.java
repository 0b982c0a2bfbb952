package dev.patterncatalog.lab.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.backend.FailureModel;
import dev.patterncatalog.lab.run.Run;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * A backend that is down for its first calls and then recovers, called in a steady
 * sequence: every call waits for the failure (none), or a circuit breaker opens on the
 * failure rate, rejects calls at once while open, and lets trial calls through when
 * half-open until the backend answers again (breaker). Each run has its own breaker; its
 * state changes are in the timeline and, for the latest run, in the
 * {@code lab.circuit.breaker.state} gauge.
 */
@Component
final class CircuitBreakerDemo extends DescribedDemo {

	private final AtomicInteger latestState = new AtomicInteger();

	CircuitBreakerDemo(LabProperties properties, MeterRegistry meters) {
		super(new DemoDescriptor("circuit-breaker", "gen-pattern-010", "Circuit breaker",
				"Calls a backend that fails its first 'failing' calls, one call every 'spacing' ms, without (none) or"
						+ " with a resilience4j circuit breaker (breaker).",
				List.of("none", "breaker"),
				List.of(ParameterSpec.integer("calls", 40, 1, 500, "calls in the sequence"),
						ParameterSpec.integer("failing", 20, 0, 500, "how many calls fail before the backend recovers"),
						SharedParameters.delay(properties, 50, "the backend's latency, failures included"),
						ParameterSpec.millis("spacing", 10, 1000, "pause between calls"),
						ParameterSpec.integer("window", 10, 2, 100, "calls the failure rate is computed over"),
						ParameterSpec.fraction("threshold", 0.5, "failure rate that opens the breaker"),
						ParameterSpec.millis("open", 100, 60_000, "how long the breaker stays open before trial calls"),
						SharedParameters.timeout(properties, "each call's timeout")),
				"total time of a run, ms")
			.comparedBy(20, 10));
		io.micrometer.core.instrument.Gauge.builder("lab.circuit.breaker.state", this.latestState, AtomicInteger::get)
			.description("State of the latest circuit-breaker demo run: 0 closed, 1 open, 2 half-open")
			.register(meters);
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("payments");
	}

	@Override
	public Mono<?> run(String variant, DemoParameters parameters, Run run) {
		BackendSpec payments = BackendSpec.fixed("payments", parameters.number("delay"))
			.withFailure(new FailureModel(0, 503, parameters.integer("failing"), false));
		Duration timeout = parameters.millis("timeout");
		CircuitBreaker breaker = variant.equals("breaker") ? breaker(parameters, run) : null;
		return Flux.range(1, parameters.integer("calls"))
			.concatMap((i) -> Mono.delay(parameters.millis("spacing")).then(Mono.defer(() -> {
				Mono<BackendReply> call = run.call(payments, i, timeout);
				return (breaker != null) ? run.guarded("payments", call, CircuitBreakerOperator.of(breaker),
						CallNotPermittedException.class) : call;
			})).onErrorResume((ex) -> Mono.empty()))
			.then(Mono.fromRunnable(() -> {
				if (breaker != null) {
					run.fact("final_state", breaker.getState().toString());
				}
			}));
	}

	private CircuitBreaker breaker(DemoParameters parameters, Run run) {
		CircuitBreaker breaker = CircuitBreaker.of("lab-circuit-breaker",
				CircuitBreakerConfig.custom()
					.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
					.slidingWindowSize(parameters.integer("window"))
					.minimumNumberOfCalls(parameters.integer("window"))
					.failureRateThreshold((float) (parameters.number("threshold") * 100))
					.waitDurationInOpenState(parameters.millis("open"))
					.permittedNumberOfCallsInHalfOpenState(3)
					// the breaker reads time from Reactor's clock, so that tests can run
					// it on virtual time
					.clock(new SchedulerClock())
					.build());
		List<String> transitions = new ArrayList<>();
		breaker.getEventPublisher().onStateTransition((event) -> {
			synchronized (transitions) {
				transitions.add(String.format("%.1f ms: %s", run.elapsedMs(), event.getStateTransition()));
				run.fact("transitions", List.copyOf(transitions));
			}
			this.latestState.set(switch (event.getStateTransition().getToState()) {
				case OPEN, FORCED_OPEN -> 1;
				case HALF_OPEN -> 2;
				default -> 0;
			});
		});
		return breaker;
	}

	/**
	 * The current time of Reactor's parallel scheduler, which a virtual-time test
	 * replaces.
	 */
	static final class SchedulerClock extends Clock {

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
		}

	}

}
