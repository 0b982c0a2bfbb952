package dev.patterncatalog.lab.demo;

import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_DELAY;
import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_FAN_OUT;

import java.util.List;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theories;
import dev.patterncatalog.lab.run.Theory;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Scatter-gather: the same independent calls one after another, or all at once with
 * {@code Mono.zip}. Theory: the sum of the latencies against the slowest one.
 */
@Component
final class FanOutDemo extends DescribedDemo<FanOutDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(
			@Schema(description = "the backends to call",
					defaultValue = "profile,settings,notifications") @UpTo(MAX_FAN_OUT) List<String> backends,
			@Schema(description = "each call's timeout",
					defaultValue = "5000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double timeout) {
	}

	private final BackendRegistry registry;

	FanOutDemo(BackendRegistry registry, LabProperties properties) {
		super(Parameters.class, properties,
				new DemoDescriptor("fan-out", "gen-pattern-004", "Sequential calls against Mono.zip",
						"Calls every backend, one after another (sequential) or all at once with Mono.zip (parallel).",
						List.of("sequential", "parallel"), "total time of a run, ms"));
		this.registry = registry;
	}

	@Override
	public int callsInFlight(Parameters parameters) {
		return parameters.backends().size();
	}

	@Override
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		List<BackendSpec> backends = LabBackends.named(this.registry, "backends", parameters.backends());
		java.time.Duration timeout = DemoParameters.millis(parameters.timeout());
		if (variant.equals("sequential")) {
			return Flux.fromIterable(backends).concatMap((backend) -> run.call(backend, 0, timeout)).collectList();
		}
		return Mono.zip(backends.stream().map((backend) -> run.call(backend, 0, timeout)).toList(),
				(replies) -> replies.length);
	}

	@Override
	public Theory theory(String variant, Parameters parameters) {
		List<BackendSpec> backends = LabBackends.named(this.registry, "backends", parameters.backends());
		return variant.equals("sequential") ? Theories.sequential(backends) : Theories.parallel(backends);
	}

}
