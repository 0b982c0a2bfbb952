package dev.patterncatalog.lab.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dev.patterncatalog.lab.LabBusy;
import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.run.Backends;
import dev.patterncatalog.lab.run.CallOverhead;
import dev.patterncatalog.lab.run.CallRecord;
import dev.patterncatalog.lab.run.LabLoad;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theory;
import dev.patterncatalog.lab.run.Timeline;
import dev.patterncatalog.lab.run.Transport;
import dev.patterncatalog.lab.run.Verdict;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs a demo variant once and turns what happened into a {@link Timeline}, recording its
 * duration in the {@code lab.demo.duration} timer (percentile histogram per demo and
 * variant).
 */
@Component
public class DemoRunner {

	private final Backends backends;

	private final MeterRegistry meters;

	private final LongSupplier nanoClock;

	/**
	 * Demos that hold a thread per run (the blocking demo) are bounded here, for every
	 * endpoint that runs them.
	 */
	private final Map<String, Bulkhead> limits = new ConcurrentHashMap<>();

	private final double faultMarginMs;

	private final LabProperties properties;

	/** What the lab added to each backend call, by transport. */
	private final Map<Transport, Timer> overheads = new ConcurrentHashMap<>();

	private final LabLoad load;

	@Autowired
	public DemoRunner(Backends backends, LabLoad load, LabProperties properties, MeterRegistry meters) {
		this(backends, load, properties, meters, System::nanoTime);
	}

	/**
	 * @param nanoClock where runs read the time; tests pass a virtual-time scheduler's
	 * clock
	 */
	public DemoRunner(Backends backends, LabLoad load, LabProperties properties, MeterRegistry meters,
			LongSupplier nanoClock) {
		this.backends = backends;
		this.load = load;
		this.properties = properties;
		this.faultMarginMs = properties.measurement().maxOverheadP99().toNanos() / 1e6;
		this.meters = meters;
		this.nanoClock = nanoClock;
	}

	/**
	 * Runs the request's variant once, as {@link #run} does, and judges the run's figures
	 * by what the lab added to its calls and what the machine did meanwhile: a run asked
	 * for on its own.
	 */
	public Mono<Timeline> judged(Demos.DemoRequest<?> request) {
		String variant = request.variant();
		return Mono.defer(() -> {
			LabLoad.Watch watch = this.load.watch(request.transport() == Transport.HTTP);
			return run(request, variant).map((timeline) -> {
				CallOverhead overhead = new CallOverhead();
				overhead.add(timeline);
				Verdict verdict = overhead.judge(watch.end(), this.properties, List.of());
				verdict.count(this.meters, request.demo().descriptor().name(), "run");
				return timeline.withVerdict(verdict);
			});
		});
	}

	private void recordOverheads(Timeline timeline) {
		Timer timer = this.overheads
			.computeIfAbsent(timeline.transport(), (transport) -> Timer.builder("lab.call.overhead")
				.description("What the lab added to a simulated backend call: observed duration minus drawn latency")
				.tag("transport", transport.parameter())
				.publishPercentileHistogram()
				.register(this.meters));
		for (CallRecord call : timeline.calls()) {
			if (call.overheadMs() != null) {
				timer.record(Math.max(0, Math.round(call.overheadMs() * 1e6)), TimeUnit.NANOSECONDS);
			}
		}
	}

	/**
	 * Runs {@code variant} once with the request's seed. The timeline says whether the
	 * variant failed; the Mono itself only fails on a bug. Cancelling it cancels the run
	 * and its backend calls.
	 */
	public Mono<Timeline> run(Demos.DemoRequest<?> request, String variant) {
		return run(request, variant, request.seed(), null);
	}

	/**
	 * Runs {@code variant} once, as {@link #run} does, with {@code seed}, sharing
	 * {@code shared} with other runs (see {@link Run#shared}), or nothing if it is null.
	 */
	public <P extends Record> Mono<Timeline> run(Demos.DemoRequest<P> request, String variant, long seed,
			@Nullable ConcurrentMap<String, Object> shared) {
		Demo<P> demo = request.demo();
		P parameters = request.demoParameters();
		Transport transport = request.transport();
		String name = demo.descriptor().name();
		Mono<Timeline> measured = Mono.defer(() -> {
			Theory theory = demo.theory(variant, parameters);
			// the run's clock starts here, after everything that is not part of the
			// pattern
			Run run = new Run(this.backends, transport, this.nanoClock, seed, this.faultMarginMs,
					(shared != null) ? shared : new ConcurrentHashMap<>());
			return demo.run(variant, parameters, run)
				.then(Mono.fromSupplier(() -> run.finish(name, variant, seed, null, theory)))
				.onErrorResume((ex) -> Mono.just(run.finish(name, variant, seed, ex, theory)))
				.doOnNext((timeline) -> Timer.builder("lab.demo.duration")
					.description("Total time of a lab demo run")
					.tags("demo", name, "variant", variant, "result", timeline.result())
					.publishPercentileHistogram()
					.register(this.meters)
					.record(Math.round(timeline.totalMs() * 1e6), TimeUnit.NANOSECONDS))
				.doOnNext(this::recordOverheads);
		});
		if (demo.maxConcurrentRuns() == Integer.MAX_VALUE) {
			return measured;
		}
		Bulkhead limit = this.limits.computeIfAbsent(name,
				(key) -> Bulkhead.of("lab-demo-" + key,
						BulkheadConfig.custom()
							.maxConcurrentCalls(demo.maxConcurrentRuns())
							.maxWaitDuration(Duration.ZERO)
							.build()));
		// a Mono's bulkhead permit is given back on its value, before the value travels
		// on, so that a comparison's next run finds it free
		return measured.transformDeferred(BulkheadOperator.of(limit))
			.onErrorMap(BulkheadFullException.class,
					(ex) -> new LabBusy(HttpStatus.SERVICE_UNAVAILABLE, "Lab busy", "Demo '" + name + "' runs at most "
							+ demo.maxConcurrentRuns() + " at once; retry after the Retry-After seconds."));
	}

}
