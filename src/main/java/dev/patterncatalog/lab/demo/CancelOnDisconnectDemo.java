package dev.patterncatalog.lab.demo;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * A long fan-out to backend 'long'. Close the connection before it answers: with the
 * calls attached to the request, every call in flight is cancelled; detached (subscribed
 * on their own, a common mistake), they run on for nobody, and the backend counts them as
 * completed work: leaked.
 */
@Component
final class CancelOnDisconnectDemo extends DescribedDemo {

	private final LabProperties properties;

	CancelOnDisconnectDemo(LabProperties properties) {
		super(new DemoDescriptor("cancel-on-disconnect", "gen-pattern-007",
				"Cancel backend calls when the client goes away",
				"Fans out to 'long' backends. Disconnect mid-flight (curl --max-time 1) and watch"
						+ " /api/lab/backends/stats: attached calls are cancelled, detached calls run on as leaked work.",
				List.of("attached", "detached"),
				List.of(ParameterSpec.integer("n", 5, 1, properties.limits().maxFanOut(), "how many calls"),
						SharedParameters.delay(properties, 3000, "each call's latency")),
				"total time of a run, ms")
			.comparedBy(20, 20));
		this.properties = properties;
	}

	@Override
	public int callsInFlight(DemoParameters parameters) {
		return parameters.integer("n");
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("long");
	}

	@Override
	public Mono<?> run(String variant, DemoParameters parameters, Run run) {
		BackendSpec backend = BackendSpec.fixed("long", parameters.number("delay"));
		Duration timeout = SharedParameters.safetyCap(this.properties);
		List<Mono<BackendReply>> calls = java.util.stream.IntStream.range(0, parameters.integer("n"))
			.mapToObj((i) -> run.call(backend, 0, timeout))
			.toList();
		if (variant.equals("attached")) {
			return Mono.zip(calls, (replies) -> replies.length);
		}
		// the mistake on purpose: subscribe() detaches the calls from the request, so
		// cancelling it stops nothing
		Sinks.One<Long> done = Sinks.one();
		Flux.merge(calls).count().subscribe(done::tryEmitValue, done::tryEmitError);
		return done.asMono();
	}

	@Override
	public Theory theory(String variant, DemoParameters parameters) {
		return new Theory("total_ms", parameters.number("delay"), "the calls' latency: they run in parallel");
	}

}
