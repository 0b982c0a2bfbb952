package dev.patterncatalog.lab.demo;

import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_DELAY;
import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_FAN_OUT;

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
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Each backend is slow only with probability p, but a request that waits for N of them is
 * slow whenever any one is: with probability 1 - (1 - p)^N. A comparison measures the
 * fraction of slow runs (fact {@code slow}) beside that theory, for one call (single) and
 * for N (fan-out).
 */
@Component
final class TailAmplificationDemo extends DescribedDemo<TailAmplificationDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(
			@Schema(description = "backends per request", defaultValue = "10") @Min(1) @UpTo(MAX_FAN_OUT) int n,
			@Schema(description = "probability that one call is slow",
					defaultValue = "0.01") @DecimalMin("0") @DecimalMax("1") double p,
			@Schema(description = "a call's usual latency",
					defaultValue = "10") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double base,
			@Schema(description = "a slow call's latency",
					defaultValue = "200") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double slow,
			@Schema(description = "each call's timeout",
					defaultValue = "5000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double timeout) {
	}

	TailAmplificationDemo(LabProperties properties) {
		super(Parameters.class, properties,
				new DemoDescriptor("tail-amplification", "gen-pattern-015", "Tail-latency amplification",
						"Calls one 'shard' backend (single) or N of them with Mono.zip (fan-out); each is slow with"
								+ " probability p. A run is slow when any call drew the slow latency.",
						List.of("single", "fan-out"), "total time of a run, ms")
					.comparedBy(1000, 20));
	}

	@Override
	public int callsInFlight(Parameters parameters) {
		return parameters.n();
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("shard");
	}

	@Override
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		BackendSpec shard = new BackendSpec("shard",
				new LatencyModel.Tail(parameters.base(), parameters.slow(), parameters.p()), FailureModel.NONE);
		Duration timeout = DemoParameters.millis(parameters.timeout());
		int n = variant.equals("single") ? 1 : parameters.n();
		double slow = parameters.slow();
		List<Mono<BackendReply>> calls = IntStream.range(0, n).mapToObj((i) -> run.call(shard, 0, timeout)).toList();
		return Mono.zip(calls, (replies) -> replies).doOnNext((replies) -> {
			boolean anySlow = false;
			for (Object reply : replies) {
				anySlow |= ((BackendReply) reply).latencyMs() >= slow && slow > parameters.base();
			}
			run.fact("slow", anySlow);
		});
	}

	@Override
	public Theory theory(String variant, Parameters parameters) {
		int n = variant.equals("single") ? 1 : parameters.n();
		double p = parameters.p();
		return new Theory("slow", Theories.round(1 - Math.pow(1 - p, n)), "1 - (1 - p)^N with N = " + n);
	}

}
