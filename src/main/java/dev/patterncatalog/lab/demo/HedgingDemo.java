package dev.patterncatalog.lab.demo;

import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_DELAY;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theories;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.BindParam;

/**
 * Hedged requests, written with Reactor since resilience4j's hedge module serves only
 * CompletableFuture: if the first request has not answered after a delay (by default the
 * backend's 95th percentile), a second one goes to another replica; the first answer wins
 * and the loser is cancelled. Compare the tail percentiles and the share of extra
 * requests.
 */
@Component
final class HedgingDemo extends DescribedDemo<HedgingDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(
			@Schema(description = "the backend (its replicas share its model)", defaultValue = "search") String backend,
			@BindParam("hedge-after") @Schema(
					description = "delay before the second request; 0 means the backend's p95",
					defaultValue = "0") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double hedgeAfter,
			@Schema(description = "each request's timeout",
					defaultValue = "5000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double timeout) {
	}

	private final BackendRegistry registry;

	HedgingDemo(BackendRegistry registry, LabProperties properties) {
		super(Parameters.class, properties, new DemoDescriptor("hedging", "gen-pattern-014", "Hedged requests",
				"Calls a backend with a long tail once (none), or sends a second request when the first is slower"
						+ " than 'hedge-after' and takes whichever answers first (hedged).",
				List.of("none", "hedged"), "total time of a run, ms")
			.comparedBy(1000, 20));
		this.registry = registry;
	}

	/** What the second request's record says it was: the lab page outlines it. */
	static final String HEDGE = "hedge";

	@Override
	public int callsInFlight(Parameters parameters) {
		return 2;
	}

	@Override
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		BackendSpec backend = LabBackends.named(this.registry, "backend", parameters.backend());
		Duration timeout = DemoParameters.millis(parameters.timeout());
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
			return run.call(backend, 0, timeout, HEDGE);
		}));
		// the first answer wins; firstWithValue cancels the other request, and an error
		// of one still waits for the other
		return Mono.firstWithValue(primary, hedge);
	}

	Duration hedgeAfter(BackendSpec backend, Parameters parameters) {
		double given = parameters.hedgeAfter();
		double ms = (given > 0) ? given : backend.latency().quantileMs(0.95);
		return Duration.ofNanos(Math.round(ms * 1e6));
	}

}
