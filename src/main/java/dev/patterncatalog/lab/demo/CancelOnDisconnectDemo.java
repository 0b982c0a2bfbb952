package dev.patterncatalog.lab.demo;

import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_DELAY;
import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_FAN_OUT;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

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
 * A long fan-out to backend 'long' whose client leaves before it answers: after
 * 'disconnect' ms, as the demo simulates it, or when the real connection closes. With the
 * calls attached to the request, every call in flight is cancelled; detached (subscribed
 * on their own, a common mistake), they run on for nobody, and the backend counts them as
 * completed work: leaked. A run lasts until the last of its calls has ended, so its time
 * is how long the backends worked for a client that had left.
 */
@Component
final class CancelOnDisconnectDemo extends DescribedDemo<CancelOnDisconnectDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(@Schema(description = "how many calls", defaultValue = "5") @Min(1) @UpTo(MAX_FAN_OUT) int n,
			@Schema(description = "each call's latency",
					defaultValue = "3000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double delay,
			@Schema(description = "when the client leaves, after it asked; 0: it stays for the answer, and only"
					+ " closing the connection ends the request",
					defaultValue = "1000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double disconnect) {
	}

	private final LabProperties properties;

	CancelOnDisconnectDemo(LabProperties properties) {
		super(Parameters.class, properties, new DemoDescriptor("cancel-on-disconnect", "gen-pattern-007",
				"Cancel backend calls when the client goes away",
				"Fans out to 'long' backends; the client leaves after 'disconnect' ms (or when you close the"
						+ " connection: curl --max-time 1). Attached calls are cancelled, detached calls run on as"
						+ " leaked work, counted in /api/lab/backends/stats.",
				List.of("attached", "detached"), "time until the last backend call ended, ms")
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
		AtomicBoolean left = new AtomicBoolean();
		AtomicInteger open = new AtomicInteger(parameters.n());
		AtomicInteger leaked = new AtomicInteger();
		Sinks.Empty<Void> allEnded = Sinks.empty();
		List<Mono<BackendReply>> calls = IntStream.range(0, parameters.n())
			.mapToObj((i) -> run.call(backend, 0, timeout).doOnSuccess((reply) -> {
				if (left.get()) {
					leaked.incrementAndGet();
				}
			}).doFinally((signal) -> {
				if (open.decrementAndGet() == 0) {
					allEnded.tryEmitEmpty();
				}
			}))
			.toList();
		Mono<?> request = variant.equals("attached") ? Mono.zip(calls, (replies) -> replies.length) : detached(calls);
		if (parameters.disconnect() == 0) {
			return request;
		}
		Mono<Void> leaves = Mono.delay(DemoParameters.millis(parameters.disconnect())).doOnNext((tick) -> {
			left.set(true);
			run.fact("client_left_ms", run.elapsedMs());
		}).then();
		// whichever comes first, the answer or the client's leaving, cancels the other
		return Mono.firstWithSignal(request.then(), leaves).then(allEnded.asMono()).then(Mono.fromRunnable(() -> {
			if (left.get()) {
				run.fact("leaked_calls", leaked.get());
			}
		}));
	}

	/**
	 * The mistake on purpose: subscribe() detaches the calls from the request, so
	 * cancelling it stops nothing.
	 */
	private static Mono<Long> detached(List<Mono<BackendReply>> calls) {
		Sinks.One<Long> done = Sinks.one();
		Flux.merge(calls).count().subscribe(done::tryEmitValue, done::tryEmitError);
		return done.asMono();
	}

	@Override
	public Theory theory(String variant, Parameters parameters) {
		boolean leaves = parameters.disconnect() > 0 && parameters.disconnect() < parameters.delay();
		if (variant.equals("detached")) {
			return new Theory("total_ms", parameters.delay(),
					"the calls' latency: detached, they run on whether the client waits or not");
		}
		return leaves
				? new Theory("total_ms", parameters.disconnect(), "the client's leaving, which cancels every call")
				: new Theory("total_ms", parameters.delay(), "the calls' latency: they run in parallel");
	}

}
