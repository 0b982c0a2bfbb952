package dev.patterncatalog.lab.demo;

import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_DELAY;
import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_FAN_OUT;

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
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.BindParam;

/**
 * A burst of calls to a partner API: all at once (none), or paced by a resilience4j rate
 * limiter that hands out 'limit' permits per 'period' and makes calls wait for one up to
 * 'wait' (rate-limited).
 */
@Component
final class RateLimiterDemo extends DescribedDemo<RateLimiterDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(
			@Schema(description = "calls in the burst", defaultValue = "20") @Min(1) @UpTo(MAX_FAN_OUT) int calls,
			@Schema(description = "permits per period", defaultValue = "5") @Min(1) @Max(10000) int limit,
			@Schema(description = "how often permits refresh",
					defaultValue = "100") @Millis @DecimalMin("0") @DecimalMax("10000") double period,
			@BindParam("wait") @Schema(description = "how long a call may wait for a permit",
					defaultValue = "1000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double permitWait,
			@Schema(description = "the backend's latency",
					defaultValue = "10") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double delay,
			@Schema(description = "each call's timeout",
					defaultValue = "5000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double timeout) {
	}

	RateLimiterDemo(LabProperties properties) {
		super(Parameters.class, properties, new DemoDescriptor("rate-limiter", "gen-pattern-012", "Rate limiter",
				"Starts 'calls' calls to backend 'partner' at once, unpaced (none) or through a resilience4j rate"
						+ " limiter (rate-limited); calls that cannot get a permit within 'wait' are rejected.",
				List.of("none", "rate-limited"), "total time of a run, ms")
			.sweptBy("rejected", 2.0, 4.0, 8.0, 16.0));
	}

	@Override
	public int callsInFlight(Parameters parameters) {
		return parameters.calls();
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("partner");
	}

	@Override
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		BackendSpec partner = BackendSpec.fixed("partner", parameters.delay());
		Duration timeout = DemoParameters.millis(parameters.timeout());
		// shared by the runs of an open-model comparison, as a client's limiter is shared
		// by its requests
		RateLimiter limiter = run.shared("rate-limiter",
				() -> RateLimiter.of("lab-rate-limiter",
						RateLimiterConfig.custom()
							.limitForPeriod(parameters.limit())
							.limitRefreshPeriod(DemoParameters.millis(parameters.period()))
							.timeoutDuration(DemoParameters.millis(parameters.permitWait()))
							.build()));
		int calls = parameters.calls();
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
	public Theory theory(String variant, Parameters parameters) {
		if (variant.equals("none")) {
			return new Theory("total_ms", parameters.delay(), "one backend latency: all calls run at once");
		}
		int periods = (parameters.calls() - 1) / parameters.limit();
		return new Theory("total_ms",
				Math.min(periods * parameters.period(), parameters.permitWait()) + parameters.delay(),
				"at most, a run alone: the last permit's wait of (calls - 1) / limit periods (capped by 'wait'),"
						+ " plus one latency; in the open model the runs share the limiter and wait for each other");
	}

}
