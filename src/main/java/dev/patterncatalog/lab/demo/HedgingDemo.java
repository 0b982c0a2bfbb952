package dev.patterncatalog.lab.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theories;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Hedged requests, written with Reactor since resilience4j's hedge module serves only
 * CompletableFuture: if the first request has not answered after a delay (by default the
 * backend's 95th percentile), a second one goes to another replica; the first answer wins
 * and the loser is cancelled. Compare the tail percentiles and the share of extra
 * requests.
 */
@Component
final class HedgingDemo extends DescribedDemo {

	private final BackendRegistry registry;

	HedgingDemo(BackendRegistry registry, LabProperties properties) {
		super(new DemoDescriptor("hedging", "gen-pattern-014", "Hedged requests",
				"Calls a backend with a long tail once (none), or sends a second request when the first is slower"
						+ " than 'hedge-after' and takes whichever answers first (hedged).",
				List.of("none", "hedged"),
				List.of(ParameterSpec.name("backend", "search", "the backend (its replicas share its model)"),
						ParameterSpec.millis("hedge-after", 0, properties.limits().maxDelay().toMillis(),
								"delay before the second request; 0 means the backend's p95"),
						SharedParameters.timeout(properties, "each request's timeout")),
				"total time of a run, ms")
			.comparedBy(1000, 20));
		this.registry = registry;
	}

	@Override
	public int callsInFlight(DemoParameters parameters) {
		return 2;
	}

	@Override
	public Mono<?> run(String variant, DemoParameters parameters, Run run) {
		BackendSpec backend = LabBackends.named(this.registry, "backend", parameters.text("backend"));
		Duration timeout = parameters.millis("timeout");
		Mono<BackendReply> primary = run.call(backend, 0, timeout);
		if (variant.equals("none")) {
			run.fact("hedged", false);
			return primary;
		}
		Duration hedgeAfter = hedgeAfter(backend, parameters);
		run.fact("hedged", false);
		run.fact("hedge_after_ms", Theories.round(hedgeAfter.toNanos() / 1e6));
		Mono<BackendReply> hedge = Mono.delay(hedgeAfter).then(Mono.defer(() -> {
			run.fact("hedged", true);
			return run.call(backend, 0, timeout);
		}));
		// the first answer wins; firstWithValue cancels the other request, and an error
		// of one still waits for the
		// other
		return Mono.firstWithValue(primary, hedge);
	}

	Duration hedgeAfter(BackendSpec backend, DemoParameters parameters) {
		double given = parameters.number("hedge-after");
		double ms = (given > 0) ? given : backend.latency().quantileMs(0.95);
		return Duration.ofNanos(Math.round(ms * 1e6));
	}

}
