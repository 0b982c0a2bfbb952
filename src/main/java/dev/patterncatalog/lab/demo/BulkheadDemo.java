package dev.patterncatalog.lab.demo;

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
public final class BulkheadDemo extends DescribedDemo {

	public BulkheadDemo(LabProperties properties) {
		super(new DemoDescriptor("bulkhead", "gen-pattern-011", "Bulkhead",
				"Starts 'calls' calls to backend 'inventory' at once, unbounded (none) or through a resilience4j"
						+ " bulkhead of 'limit' concurrent calls that rejects the excess (bulkhead).",
				List.of("none", "bulkhead"),
				List.of(ParameterSpec.integer("calls", 20, 1, properties.limits().maxFanOut(), "calls in the burst"),
						ParameterSpec.integer("limit", 5, 1, properties.limits().maxFanOut(),
								"concurrent calls the bulkhead admits"),
						SharedParameters.delay(properties, 200, "the backend's latency"),
						SharedParameters.timeout(properties, "each call's timeout")),
				"total time of a run, ms"));
	}

	@Override
	public int callsInFlight(DemoParameters parameters) {
		return parameters.integer("calls");
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("inventory");
	}

	@Override
	public Mono<?> run(String variant, DemoParameters parameters, Run run) {
		BackendSpec inventory = BackendSpec.fixed("inventory", parameters.number("delay"));
		Duration timeout = parameters.millis("timeout");
		// shared by the runs of an open-model comparison, as a service's bulkhead is
		// shared by its requests
		Bulkhead bulkhead = run.shared("bulkhead",
				() -> Bulkhead.of("lab-bulkhead",
						BulkheadConfig.custom()
							.maxConcurrentCalls(parameters.integer("limit"))
							.maxWaitDuration(Duration.ZERO)
							.build()));
		AtomicInteger inFlight = run.shared("in-flight", AtomicInteger::new);
		AtomicInteger peak = new AtomicInteger();
		return Flux.range(0, parameters.integer("calls")).flatMap((i) -> {
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
	public Theory theory(String variant, DemoParameters parameters) {
		return new Theory("total_ms", parameters.number("delay"),
				"one backend latency: admitted calls run in parallel, rejected ones end at once");
	}

}
