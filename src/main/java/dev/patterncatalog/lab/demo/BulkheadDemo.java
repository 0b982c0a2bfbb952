package dev.patterncatalog.lab.demo;

import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_DELAY;
import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_FAN_OUT;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theory;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A burst of calls to a slow backend: all of them at once (none), or through a
 * resilience4j bulkhead that admits a fixed number and rejects the rest at once
 * (bulkhead). The peak number of calls in flight at the backend while a run's calls
 * started shows what the bulkhead protects; in the open model, where the runs share the
 * bulkhead, that counts the calls of every run.
 */
@Component
public final class BulkheadDemo extends DescribedDemo<BulkheadDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(
			@Schema(description = "calls in the burst", defaultValue = "20") @Min(1) @UpTo(MAX_FAN_OUT) int calls,
			@Schema(description = "concurrent calls the bulkhead admits",
					defaultValue = "5") @Min(1) @UpTo(MAX_FAN_OUT) int limit,
			@Schema(description = "the backend's latency",
					defaultValue = "200") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double delay,
			@Schema(description = "each call's timeout",
					defaultValue = "5000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double timeout) {
	}

	public BulkheadDemo(LabProperties properties) {
		super(Parameters.class, properties, new DemoDescriptor("bulkhead", "gen-pattern-011", "Bulkhead",
				"Starts 'calls' calls to backend 'inventory' at once, unbounded (none) or through a resilience4j"
						+ " bulkhead of 'limit' concurrent calls that rejects the excess (bulkhead).",
				List.of("none", "bulkhead"), "total time of a run, ms")
			.sweptBy("peak_in_flight", 2.0, 5.0, 10.0, 20.0));
	}

	@Override
	public int callsInFlight(Parameters parameters) {
		return parameters.calls();
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("inventory");
	}

	@Override
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		BackendSpec inventory = BackendSpec.fixed("inventory", parameters.delay());
		Duration timeout = DemoParameters.millis(parameters.timeout());
		// shared by the runs of an open-model comparison, as a service's bulkhead is
		// shared by its requests
		Bulkhead bulkhead = run.shared("bulkhead", () -> Bulkhead.of("lab-bulkhead",
				BulkheadConfig.custom().maxConcurrentCalls(parameters.limit()).maxWaitDuration(Duration.ZERO).build()));
		AtomicInteger inFlight = run.shared("in-flight", AtomicInteger::new);
		AtomicInteger peak = new AtomicInteger();
		return Flux.range(0, parameters.calls()).flatMap((i) -> {
			Mono<BackendReply> call = Mono.defer(() -> {
				peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				return run.call(inventory, 0, timeout).doFinally((signal) -> inFlight.decrementAndGet());
			});
			if (variant.equals("bulkhead")) {
				call = run.guarded("inventory", call, BulkheadOperator.of(bulkhead), BulkheadFullException.class);
			}
			return call.onErrorResume((ex) -> Mono.empty());
		}).then(Mono.fromRunnable(() -> run.fact("peak_in_flight", peak.get())));
	}

	@Override
	public Theory theory(String variant, Parameters parameters) {
		return new Theory("total_ms", parameters.delay(),
				"one backend latency: admitted calls run in parallel, rejected ones end at once");
	}

}
