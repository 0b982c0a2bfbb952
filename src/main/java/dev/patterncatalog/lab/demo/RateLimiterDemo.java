package dev.patterncatalog.lab.demo;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theories;
import dev.patterncatalog.lab.run.Theory;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A burst of calls to a partner API: all at once (none), or paced by a resilience4j rate
 * limiter that hands out 'limit' permits per 'period' and makes calls wait for one up to
 * 'wait' (rate-limited).
 */
@Component
final class RateLimiterDemo extends DescribedDemo {

	RateLimiterDemo(LabProperties properties) {
		super(new DemoDescriptor("rate-limiter", "gen-pattern-012", "Rate limiter",
				"Starts 'calls' calls to backend 'partner' at once, unpaced (none) or through a resilience4j rate"
						+ " limiter (rate-limited); calls that cannot get a permit within 'wait' are rejected.",
				List.of("none", "rate-limited"),
				List.of(ParameterSpec.integer("calls", 20, 1, properties.limits().maxFanOut(), "calls in the burst"),
						ParameterSpec.integer("limit", 5, 1, 10_000, "permits per period"),
						ParameterSpec.millis("period", 100, 10_000, "how often permits refresh"),
						ParameterSpec.millis("wait", 1000, properties.limits().maxDelay().toMillis(),
								"how long a call may wait for a permit"),
						SharedParameters.delay(properties, 10, "the backend's latency"),
						SharedParameters.timeout(properties, "each call's timeout")),
				"total time of a run, ms"));
	}

	@Override
	public int callsInFlight(DemoParameters parameters) {
		return parameters.integer("calls");
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("partner");
	}

	@Override
	public Mono<?> run(String variant, DemoParameters parameters, Run run) {
		BackendSpec partner = BackendSpec.fixed("partner", parameters.number("delay"));
		Duration timeout = parameters.millis("timeout");
		// shared by the runs of an open-model comparison, as a client's limiter is shared
		// by its requests
		RateLimiter limiter = run.shared("rate-limiter",
				() -> RateLimiter.of("lab-rate-limiter",
						RateLimiterConfig.custom()
							.limitForPeriod(parameters.integer("limit"))
							.limitRefreshPeriod(parameters.millis("period"))
							.timeoutDuration(parameters.millis("wait"))
							.build()));
		int calls = parameters.integer("calls");
		return Flux.range(0, calls).flatMap((i) -> {
			Mono<BackendReply> call = run.call(partner, 0, timeout);
			if (variant.equals("rate-limited")) {
				call = run.guarded("partner", call, RateLimiterOperator.of(limiter), RequestNotPermitted.class);
			}
			return call.onErrorResume((ex) -> Mono.empty());
		})
			.then(Mono.fromRunnable(() -> run.fact("calls_per_second",
					Theories.round(calls / Math.max(run.elapsedMs(), 0.001) * 1000))));
	}

	@Override
	public Theory theory(String variant, DemoParameters parameters) {
		if (variant.equals("none")) {
			return new Theory("total_ms", parameters.number("delay"), "one backend latency: all calls run at once");
		}
		int periods = (parameters.integer("calls") - 1) / parameters.integer("limit");
		return new Theory("total_ms",
				Math.min(periods * parameters.number("period"), parameters.number("wait")) + parameters.number("delay"),
				"at most, a run alone: the last permit's wait of (calls - 1) / limit periods (capped by 'wait'),"
						+ " plus one latency; in the open model the runs share the limiter and wait for each other");
	}

}
