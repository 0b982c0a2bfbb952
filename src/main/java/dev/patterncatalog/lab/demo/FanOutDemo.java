package dev.patterncatalog.lab.demo;

import java.util.List;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theories;
import dev.patterncatalog.lab.run.Theory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Scatter-gather: the same independent calls one after another, or all at once with
 * {@code Mono.zip}. Theory: the sum of the latencies against the slowest one.
 */
@Component
final class FanOutDemo extends DescribedDemo {

	private final BackendRegistry registry;

	FanOutDemo(BackendRegistry registry, LabProperties properties) {
		super(new DemoDescriptor("fan-out", "gen-pattern-004", "Sequential calls against Mono.zip",
				"Calls every backend, one after another (sequential) or all at once with Mono.zip (parallel).",
				List.of("sequential", "parallel"),
				List.of(ParameterSpec.names("backends", "profile,settings,notifications",
						properties.limits().maxFanOut(), "the backends to call"),
						SharedParameters.timeout(properties, "each call's timeout")),
				"total time of a run, ms"));
		this.registry = registry;
	}

	@Override
	public int callsInFlight(DemoParameters parameters) {
		return parameters.names("backends").size();
	}

	@Override
	public Mono<?> run(String variant, DemoParameters parameters, Run run) {
		List<BackendSpec> backends = LabBackends.named(this.registry, "backends", parameters.names("backends"));
		java.time.Duration timeout = parameters.millis("timeout");
		if (variant.equals("sequential")) {
			return Flux.fromIterable(backends).concatMap((backend) -> run.call(backend, 0, timeout)).collectList();
		}
		return Mono.zip(backends.stream().map((backend) -> run.call(backend, 0, timeout)).toList(),
				(replies) -> replies.length);
	}

	@Override
	public Theory theory(String variant, DemoParameters parameters) {
		List<BackendSpec> backends = LabBackends.named(this.registry, "backends", parameters.names("backends"));
		return variant.equals("sequential") ? Theories.sequential(backends) : Theories.parallel(backends);
	}

}
