package dev.patterncatalog.lab.demo;

import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_DELAY;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.backend.FailureModel;
import dev.patterncatalog.lab.run.BackendTimedOut;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theory;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A slow or hanging backend: wait for it (none), or give up after a timeout and answer
 * with a default (fallback) or a clear error (error). The abandoned call is cancelled,
 * which the backend counts.
 */
@Component
public final class TimeoutDemo extends DescribedDemo<TimeoutDemo.Parameters> {

	/** The demo's own parameters, which the time limiter's demo takes too. */
	record Parameters(
			@Schema(description = "the slow backend's latency",
					defaultValue = "1000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double delay,
			@Schema(description = "the backend never answers", defaultValue = "false") boolean hang,
			@Schema(description = "the caller's timeout (in every variant but none)",
					defaultValue = "300") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double timeout) {
	}

	static final BackendReply DEFAULT = new BackendReply("default", 0, 0);

	private final LabProperties properties;

	public TimeoutDemo(LabProperties properties) {
		super(Parameters.class, properties, new DemoDescriptor("timeout", "gen-pattern-006",
				"No timeout, timeout with fallback, timeout" + " with error",
				"Calls backend 'slow': without a timeout (none; only a safety cap of max-delay + 5 s ends a hang),"
						+ " or with one that falls back to a default (fallback) or fails clearly (error).",
				List.of("none", "fallback", "error"), "total time of a run, ms")
			.comparedBy(50, 10));
		this.properties = properties;
	}

	static BackendSpec slow(Parameters parameters) {
		return BackendSpec.fixed("slow", parameters.delay())
			.withFailure(new FailureModel(0, 503, 0, parameters.hang()));
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("slow");
	}

	@Override
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		BackendSpec slow = slow(parameters);
		if (variant.equals("none")) {
			return run.call(slow, 0, this.properties.limits().safetyCap());
		}
		Duration timeout = DemoParameters.millis(parameters.timeout());
		Mono<BackendReply> call = run.call(slow, 0, timeout);
		if (variant.equals("fallback")) {
			return call.onErrorResume(TimeoutException.class, (ex) -> {
				run.fallback("default", "answered in place of 'slow' after the " + timeout.toMillis() + " ms timeout");
				return Mono.just(DEFAULT);
			});
		}
		return call.onErrorMap(TimeoutException.class, (ex) -> new BackendTimedOut("slow", timeout));
	}

	@Override
	public Theory theory(String variant, Parameters parameters) {
		double delay = parameters.hang() ? this.properties.limits().safetyCap().toMillis() : parameters.delay();
		if (variant.equals("none")) {
			return new Theory("total_ms", delay, "the backend's latency (or the safety cap if it hangs)");
		}
		return new Theory("total_ms", Math.min(delay, parameters.timeout()),
				"the smaller of the backend's latency and the timeout");
	}

}
