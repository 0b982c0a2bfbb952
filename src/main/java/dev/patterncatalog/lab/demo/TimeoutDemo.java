package dev.patterncatalog.lab.demo;

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
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A slow or hanging backend: wait for it (none), or give up after a timeout and answer
 * with a default (fallback) or a clear error (error). The abandoned call is cancelled,
 * which the backend counts.
 */
@Component
public final class TimeoutDemo extends DescribedDemo {

	static final BackendReply DEFAULT = new BackendReply("default", 0, 0);

	private final LabProperties properties;

	public TimeoutDemo(LabProperties properties) {
		super(new DemoDescriptor("timeout", "gen-pattern-006",
				"No timeout, timeout with fallback, timeout" + " with error",
				"Calls backend 'slow': without a timeout (none; only a safety cap of max-delay + 5 s ends a hang),"
						+ " or with one that falls back to a default (fallback) or fails clearly (error).",
				List.of("none", "fallback", "error"),
				List.of(SharedParameters.delay(properties, 1000, "the slow backend's latency"),
						ParameterSpec.bool("hang", false, "the backend never answers"),
						ParameterSpec.millis("timeout", 300, properties.limits().maxDelay().toMillis(),
								"the caller's timeout (fallback and error variants)")),
				"total time of a run, ms")
			.comparedBy(50, 10));
		this.properties = properties;
	}

	static BackendSpec slow(DemoParameters parameters) {
		return BackendSpec.fixed("slow", parameters.number("delay"))
			.withFailure(new FailureModel(0, 503, 0, parameters.bool("hang")));
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("slow");
	}

	@Override
	public Mono<?> run(String variant, DemoParameters parameters, Run run) {
		BackendSpec slow = slow(parameters);
		if (variant.equals("none")) {
			return run.call(slow, 0, SharedParameters.safetyCap(this.properties));
		}
		Duration timeout = parameters.millis("timeout");
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
	public Theory theory(String variant, DemoParameters parameters) {
		double delay = parameters.bool("hang") ? SharedParameters.safetyCap(this.properties).toMillis()
				: parameters.number("delay");
		if (variant.equals("none")) {
			return new Theory("total_ms", delay, "the backend's latency (or the safety cap if it hangs)");
		}
		return new Theory("total_ms", Math.min(delay, parameters.number("timeout")),
				"the smaller of the backend's latency and the timeout");
	}

}
