package dev.patterncatalog.lab.demo;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theory;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The same slow call without a deadline, or under a resilience4j {@link TimeLimiter}: a
 * named, configured timeout that cancels the running call. The fact {@code in_flight}
 * counts the calls to 'slow' in flight as a run's call starts: in the open model, those
 * of every run, which pile up without a deadline as the arrival rate rises.
 */
@Component
final class TimeLimiterDemo extends DescribedDemo<TimeoutDemo.Parameters> {

	private final LabProperties properties;

	TimeLimiterDemo(LabProperties properties) {
		super(TimeoutDemo.Parameters.class, properties,
				new DemoDescriptor("time-limiter", "gen-pattern-013", "resilience4j TimeLimiter",
						"Calls backend 'slow' with no deadline (none) or through TimeLimiterOperator (time-limiter).",
						List.of("none", "time-limiter"), "total time of a run, ms")
					.comparedBy(50, 10)
					.sweptBy("in_flight", 2.0, 5.0, 10.0, 20.0));
		this.properties = properties;
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("slow");
	}

	@Override
	public Mono<?> run(String variant, TimeoutDemo.Parameters parameters, Run run) {
		BackendSpec slow = TimeoutDemo.slow(parameters);
		// in the open model, the calls of every run: what piles up as the arrival rate
		// rises
		AtomicInteger inFlight = run.shared("in-flight", AtomicInteger::new);
		Mono<BackendReply> call = Mono.defer(() -> {
			run.fact("in_flight", inFlight.incrementAndGet());
			return run.call(slow, 0, this.properties.limits().safetyCap());
		}).doFinally((signal) -> inFlight.decrementAndGet());
		if (variant.equals("none")) {
			return call;
		}
		TimeLimiter limiter = TimeLimiter.of("lab-time-limiter",
				TimeLimiterConfig.custom()
					.timeoutDuration(DemoParameters.millis(parameters.timeout()))
					.cancelRunningFuture(true)
					.build());
		// the operator is applied inside the recorded call, so that the record shows the
		// timeout
		return run.record("time-limiter", call.transformDeferred(TimeLimiterOperator.of(limiter)),
				"deadline of the call to 'slow'");
	}

	@Override
	public Theory theory(String variant, TimeoutDemo.Parameters parameters) {
		double delay = parameters.hang() ? this.properties.limits().safetyCap().toMillis() : parameters.delay();
		return variant.equals("none") ? new Theory("total_ms", delay, "the backend's latency")
				: new Theory("total_ms", Math.min(delay, parameters.timeout()),
						"the smaller of the backend's latency and the time limiter's timeout");
	}

}
