package dev.patterncatalog.lab.demo;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.backend.FailureModel;
import dev.patterncatalog.lab.backend.LatencyModel;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theories;
import dev.patterncatalog.lab.run.Theory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Each backend is slow only with probability p, but a request that waits for N of them is
 * slow whenever any one is: with probability 1 - (1 - p)^N. A comparison measures the
 * fraction of slow runs (fact {@code slow}) beside that theory, for one call (single) and
 * for N (fan-out).
 */
@Component
final class TailAmplificationDemo extends DescribedDemo {

	TailAmplificationDemo(LabProperties properties) {
		super(new DemoDescriptor("tail-amplification", "gen-pattern-015", "Tail-latency amplification",
				"Calls one 'shard' backend (single) or N of them with Mono.zip (fan-out); each is slow with"
						+ " probability p. A run is slow when any call drew the slow latency.",
				List.of("single", "fan-out"),
				List.of(ParameterSpec.integer("n", 10, 1, properties.limits().maxFanOut(), "backends per request"),
						ParameterSpec.fraction("p", 0.01, "probability that one call is slow"),
						ParameterSpec.millis("base", 10, properties.limits().maxDelay().toMillis(),
								"a call's usual latency"),
						ParameterSpec.millis("slow", 200, properties.limits().maxDelay().toMillis(),
								"a slow call's latency"),
						SharedParameters.timeout(properties, "each call's timeout")),
				"total time of a run, ms")
			.comparedBy(1000, 20));
	}

	@Override
	public int callsInFlight(DemoParameters parameters) {
		return parameters.integer("n");
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("shard");
	}

	@Override
	public Mono<?> run(String variant, DemoParameters parameters, Run run) {
		BackendSpec shard = new BackendSpec("shard",
				new LatencyModel.Tail(parameters.number("base"), parameters.number("slow"), parameters.number("p")),
				FailureModel.NONE);
		Duration timeout = parameters.millis("timeout");
		int n = variant.equals("single") ? 1 : parameters.integer("n");
		double slow = parameters.number("slow");
		List<Mono<BackendReply>> calls = IntStream.range(0, n).mapToObj((i) -> run.call(shard, 0, timeout)).toList();
		return Mono.zip(calls, (replies) -> replies).doOnNext((replies) -> {
			boolean anySlow = false;
			for (Object reply : replies) {
				anySlow |= ((BackendReply) reply).latencyMs() >= slow && slow > parameters.number("base");
			}
			run.fact("slow", anySlow);
		});
	}

	@Override
	public Theory theory(String variant, DemoParameters parameters) {
		int n = variant.equals("single") ? 1 : parameters.integer("n");
		double p = parameters.number("p");
		return new Theory("slow", Theories.round(1 - Math.pow(1 - p, n)), "1 - (1 - p)^N with N = " + n);
	}

}
