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
import dev.patterncatalog.lab.run.Theory;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
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
final class CancelOnDisconnectDemo extends DescribedDemo<CancelOnDisconnectDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(@Schema(description = "how many calls", defaultValue = "5") @Min(1) @UpTo(MAX_FAN_OUT) int n,
			@Schema(description = "each call's latency",
					defaultValue = "3000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double delay) {
	}

	private final LabProperties properties;

	CancelOnDisconnectDemo(LabProperties properties) {
		super(Parameters.class, properties, new DemoDescriptor("cancel-on-disconnect", "gen-pattern-007",
				"Cancel backend calls when the client goes away",
				"Fans out to 'long' backends. Disconnect mid-flight (curl --max-time 1) and watch"
						+ " /api/lab/backends/stats: attached calls are cancelled, detached calls run on as leaked work.",
				List.of("attached", "detached"), "total time of a run, ms")
			.comparedBy(20, 20));
		this.properties = properties;
	}

	@Override
	public int callsInFlight(Parameters parameters) {
		return parameters.n();
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("long");
	}

	@Override
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		BackendSpec backend = BackendSpec.fixed("long", parameters.delay());
		Duration timeout = this.properties.limits().safetyCap();
		List<Mono<BackendReply>> calls = java.util.stream.IntStream.range(0, parameters.n())
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
	public Theory theory(String variant, Parameters parameters) {
		return new Theory("total_ms", parameters.delay(), "the calls' latency: they run in parallel");
	}

}
