package dev.patterncatalog.lab.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theory;
import dev.patterncatalog.lab.run.Timeline;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * What a blocking call does to an event loop. Each run gets its own single-threaded
 * stand-in loop, never the server's: a few "legacy client" calls are made from it, then
 * small unrelated tasks (probes) are queued on it, and the probes' waiting time is
 * measured. Blocking on the loop delays every probe by the sum of the blocking calls;
 * offloading to boundedElastic, or a non-blocking client, leaves the loop free.
 */
@Component
final class BlockingDemo extends DescribedDemo<BlockingDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(@Schema(description = "legacy client calls", defaultValue = "4") @Min(1) @Max(20) int calls,
			@Schema(description = "each call's latency",
					defaultValue = "100") @Millis @DecimalMin("0") @DecimalMax("2000") double delay,
			@Schema(description = "unrelated tasks queued on the loop",
					defaultValue = "20") @Min(1) @Max(200) int probes) {
	}

	private static final int MAX_CONCURRENT_RUNS = 4;

	BlockingDemo(LabProperties properties) {
		super(Parameters.class, properties, new DemoDescriptor("blocking", "gen-pattern-008",
				"Don't block the event loop",
				"Legacy client calls made from a stand-in event loop: Thread.sleep on the loop (blocking), the same"
						+ " call offloaded with subscribeOn(boundedElastic) (offloaded), or a timer (non-blocking)."
						+ " Measures how long unrelated tasks queued on the loop wait.",
				List.of("blocking", "offloaded", "non-blocking"), "longest wait of an unrelated task on the loop, ms")
			.comparedBy(40, 10));
	}

	@Override
	public int callsInFlight(Parameters parameters) {
		return parameters.calls() + parameters.probes();
	}

	@Override
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		Duration delay = DemoParameters.millis(parameters.delay());
		return Mono.usingWhen(Mono.fromSupplier(BlockingDemo::standInLoop), (loop) -> {
			Scheduler scheduler = Schedulers.fromExecutorService(loop, "lab-stand-in-loop");
			Flux<Object> clientCalls = Flux.range(0, parameters.calls())
				.flatMap((i) -> run.record("legacy-client", clientCall(variant, delay, scheduler), variant)
					.timeout(Duration.ofSeconds(60)));
			AtomicLong slowestProbeNanos = new AtomicLong();
			Flux<Object> probes = Flux.range(0, parameters.probes()).flatMap((i) -> {
				long queued = System.nanoTime();
				return run.record("probe", Mono.fromCallable(() -> {
					slowestProbeNanos.accumulateAndGet(System.nanoTime() - queued, Math::max);
					return (Object) i;
				}).subscribeOn(scheduler), null).timeout(Duration.ofSeconds(60));
			});
			// client calls are queued on the loop first, then the probes behind them
			return Flux.merge(clientCalls, probes)
				.then(Mono.fromRunnable(() -> run.fact("probe_max_ms", slowestProbeNanos.get() / 1e6)));
		}, (loop) -> Mono.fromRunnable(loop::shutdown))
			// the run ends on the stand-in loop, whose thread is going away: the rest
			// happens elsewhere
			.publishOn(Schedulers.parallel());
	}

	private static Mono<Object> clientCall(String variant, Duration delay, Scheduler loop) {
		Mono<Object> legacy = Mono.fromCallable(() -> {
			try {
				Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
				return "answer";
			}
			catch (InterruptedException ex) {
				// only cancelling the run interrupts the call, and then nobody waits for
				// its answer: end it quietly instead of with an error Reactor would log
				Thread.currentThread().interrupt();
				return null;
			}
		});
		Mono<Object> call = switch (variant) {
			case "blocking" -> legacy;
			// the blocking call waits on a bounded worker pool meant for it; the loop
			// moves on at once
			case "offloaded" -> legacy.subscribeOn(Schedulers.boundedElastic()).publishOn(loop);
			default -> Mono.delay(delay, loop).map((tick) -> "answer");
		};
		return call.subscribeOn(loop);
	}

	private static ScheduledExecutorService standInLoop() {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "lab-stand-in-loop");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public double metricMs(Timeline timeline) {
		return ((Number) timeline.facts().getOrDefault("probe_max_ms", timeline.totalMs())).doubleValue();
	}

	@Override
	public int maxConcurrentRuns() {
		return MAX_CONCURRENT_RUNS;
	}

	@Override
	public Theory theory(String variant, Parameters parameters) {
		return variant.equals("blocking")
				? new Theory("probe_max_ms", parameters.calls() * parameters.delay(),
						"calls × delay: every probe waits behind all the blocking calls")
				: new Theory("probe_max_ms", 0, "the loop is never blocked");
	}

}
