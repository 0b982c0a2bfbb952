package dev.patterncatalog.lab.demo;

import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_DELAY;

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

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.backend.FailureModel;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theories;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
final class CircuitBreakerDemo extends DescribedDemo<CircuitBreakerDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(@Schema(description = "calls in the sequence", defaultValue = "40") @Min(1) @Max(500) int calls,
			@Schema(description = "how many calls fail before the backend recovers",
					defaultValue = "20") @Min(0) @Max(500) int failing,
			@Schema(description = "the backend's latency, failures included",
					defaultValue = "50") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double delay,
			@Schema(description = "pause between calls",
					defaultValue = "10") @Millis @DecimalMin("0") @DecimalMax("1000") double spacing,
			@Schema(description = "calls the failure rate is computed over",
					defaultValue = "10") @Min(2) @Max(100) int window,
			@Schema(description = "failure rate that opens the breaker",
					defaultValue = "0.5") @DecimalMin("0") @DecimalMax("1") double threshold,
			@Schema(description = "how long the breaker stays open before trial calls",
					defaultValue = "100") @Millis @DecimalMin("0") @DecimalMax("60000") double open,
			@Schema(description = "each call's timeout",
					defaultValue = "5000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double timeout) {
	}

	/** The breaker's state from {@code atMs} on. */
	record State(@JsonProperty("at_ms") double atMs, String state) {
	}

	private final AtomicInteger latestState = new AtomicInteger();

	CircuitBreakerDemo(LabProperties properties, MeterRegistry meters) {
		super(Parameters.class, properties, new DemoDescriptor("circuit-breaker", "gen-pattern-010", "Circuit breaker",
				"Calls a backend that fails its first 'failing' calls, one call every 'spacing' ms, without (none) or"
						+ " with a resilience4j circuit breaker (breaker).",
				List.of("none", "breaker"), "total time of a run, ms")
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
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		BackendSpec payments = BackendSpec.fixed("payments", parameters.delay())
			.withFailure(new FailureModel(0, 503, parameters.failing(), false));
		Duration timeout = DemoParameters.millis(parameters.timeout());
		CircuitBreaker breaker = variant.equals("breaker") ? breaker(parameters, run) : null;
		return Flux.range(1, parameters.calls())
			.concatMap((i) -> Mono.delay(DemoParameters.millis(parameters.spacing())).then(Mono.defer(() -> {
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

	private CircuitBreaker breaker(Parameters parameters, Run run) {
		CircuitBreaker breaker = CircuitBreaker.of("lab-circuit-breaker",
				CircuitBreakerConfig.custom()
					.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
					.slidingWindowSize(parameters.window())
					.minimumNumberOfCalls(parameters.window())
					.failureRateThreshold((float) (parameters.threshold() * 100))
					.waitDurationInOpenState(DemoParameters.millis(parameters.open()))
					.permittedNumberOfCallsInHalfOpenState(3)
					// the breaker reads time from Reactor's clock, so that tests can run
					// it on virtual time
					.clock(new SchedulerClock())
					.build());
		List<String> transitions = new ArrayList<>();
		// the states as the lab page draws them: each from the time it was entered
		List<State> states = new ArrayList<>(List.of(new State(0, breaker.getState().toString())));
		run.fact("states", List.copyOf(states));
		breaker.getEventPublisher().onStateTransition((event) -> {
			synchronized (transitions) {
				double at = run.elapsedMs();
				transitions.add(String.format("%.1f ms: %s", at, event.getStateTransition()));
				run.fact("transitions", List.copyOf(transitions));
				states.add(new State(Theories.round(at), event.getStateTransition().getToState().toString()));
				run.fact("states", List.copyOf(states));
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
