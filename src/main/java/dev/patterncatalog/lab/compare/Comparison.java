package dev.patterncatalog.lab.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.compare.ComparisonReport.Point;
import dev.patterncatalog.lab.compare.ComparisonReport.Ratio;
import dev.patterncatalog.lab.compare.ComparisonReport.VariantSummary;
import dev.patterncatalog.lab.demo.Demo;
import dev.patterncatalog.lab.demo.DemoRunner;
import dev.patterncatalog.lab.demo.Demos;
import dev.patterncatalog.lab.run.CallOverhead;
import dev.patterncatalog.lab.run.LabLoad;
import dev.patterncatalog.lab.run.Theories;
import dev.patterncatalog.lab.run.Theory;
import dev.patterncatalog.lab.run.Timeline;
import dev.patterncatalog.lab.run.Transport;
import dev.patterncatalog.lab.run.Verdict;
import io.micrometer.core.instrument.MeterRegistry;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs every variant of a demo {@code runs} times, at most {@code concurrency} at once,
 * and summarizes each with percentiles and their confidence intervals. First each variant
 * is run {@code warmup} times and the runs discarded. Then the variants take turns in
 * rounds (A, B, A, B ...) with the same seeds, never at the same time, so that a noisy
 * moment of the machine falls on all of them alike. Memory does not grow with the runs:
 * each variant keeps histograms and sums, not timelines.
 */
@Component
public class Comparison {

	/** How many turns each variant gets at least, when the runs allow. */
	static final int ROUNDS = 20;

	/** The percentiles reported, with the runs each needs. */
	static final double[] PERCENTILES = { 50, 90, 99, 99.9 };

	/** How many runs of each variant a report shows call by call. */
	static final int SAMPLES = 3;

	/** Points per halving of the distance to 100 % in a report's distribution. */
	private static final int TICKS_PER_HALF = 4;

	/** No run of the lab's limits takes an hour; microseconds, 3 digits. */
	private static final long HIGHEST_MICROS = 3_600_000_000L;

	private final DemoRunner runner;

	private final LabLoad load;

	private final LabProperties properties;

	private final MeterRegistry meters;

	private final LongSupplier nanoClock;

	@Autowired
	Comparison(DemoRunner runner, LabLoad load, LabProperties properties, MeterRegistry meters) {
		this(runner, load, properties, meters, System::nanoTime);
	}

	/**
	 * @param nanoClock where open-model runs read when they were due; tests pass a
	 * virtual-time scheduler's clock
	 */
	Comparison(DemoRunner runner, LabLoad load, LabProperties properties, MeterRegistry meters,
			LongSupplier nanoClock) {
		this.runner = runner;
		this.load = load;
		this.properties = properties;
		this.meters = meters;
		this.nanoClock = nanoClock;
	}

	/**
	 * Compares the variants, emitting a {@link Progress} after the warm-up of each
	 * variant and after each of its rounds, and the {@link ComparisonReport} last.
	 * Cancelling stops the comparison and every run in flight.
	 */
	public Flux<Object> run(Demos.DemoRequest<?> request, Plan plan) {
		Demo<?> demo = request.demo();
		List<String> variants = demo.descriptor().variants();
		int runs = plan.runs();
		int warmup = plan.warmup();
		int parallelism = Math.min(plan.concurrency(), demo.maxConcurrentRuns());
		// open: turns of a second at least, so that a queue has time to build up
		int round = plan.open() ? Math.max((int) Math.ceil(plan.rate()), (runs + ROUNDS - 1) / ROUNDS)
				: Math.max(parallelism, (runs + ROUNDS - 1) / ROUNDS);
		return Flux.defer(() -> {
			long start = System.nanoTime();
			Map<String, VariantStats> stats = new LinkedHashMap<>();
			variants.forEach((variant) -> stats.put(variant,
					new VariantStats(variant, request.theory(variant), request.seed())));
			Flux<Object> warmed = Flux.fromIterable(variants)
				.concatMap((variant) -> runs(request, variant, runs, warmup, parallelism)
					.then(Mono.just(new Progress("warmup", variant, warmup, warmup, null))));
			// open: the runs of a variant are requests to one service, and share its
			// state
			Map<String, ConcurrentMap<String, Object>> scopes = new LinkedHashMap<>();
			variants.forEach((variant) -> scopes.put(variant, new ConcurrentHashMap<>()));
			LabLoad.Watch[] watch = new LabLoad.Watch[1];
			Flux<Object> measuring = Flux.range(0, (runs + round - 1) / round)
				.concatMap((turn) -> Flux.fromIterable(variants).concatMap((variant) -> {
					VariantStats variantStats = stats.get(variant);
					int from = turn * round;
					long turnStart = System.nanoTime();
					int count = Math.min(round, runs - from);
					Flux<Measured> turnRuns = plan.open()
							? openRuns(request, variant, from, count, plan.rate(), parallelism, scopes.get(variant))
							: runs(request, variant, from, count, parallelism)
								.map((timeline) -> new Measured(timeline, 0, false));
					return turnRuns.doOnNext(
							(measured) -> variantStats.add(measured, demo.metricMs(measured.timeline()), plan.open()))
						.then(Mono.fromSupplier(() -> {
							variantStats.busyNanos += System.nanoTime() - turnStart;
							return variantStats.progress(runs);
						}));
				}));
			return warmed.concatWith(Flux.defer(() -> {
				watch[0] = this.load.watch(request.transport() == Transport.HTTP);
				return measuring;
			}))
				.concatWith(Mono.fromSupplier(() -> report(request, plan, parallelism, round,
						List.copyOf(stats.values()), watch[0].end(), (System.nanoTime() - start) / 1e6)));
		});
	}

	/**
	 * Runs {@code count} runs of a variant with the seeds from {@code first} on: the same
	 * seeds for every variant.
	 */
	private Flux<Timeline> runs(Demos.DemoRequest<?> request, String variant, int first, int count, int parallelism) {
		return Flux.range(first, count)
			.flatMap((i) -> this.runner.run(request, variant, request.seed() + i, null), parallelism);
	}

	/**
	 * Runs {@code count} runs of a variant as an open model: run {@code i} is due
	 * {@code i / rate} seconds after the first, and starts then, or as soon as fewer than
	 * {@code parallelism} runs are in flight. How late it started is part of what it
	 * measures. The runs share {@code shared} (see {@link Run#shared}).
	 */
	private Flux<Measured> openRuns(Demos.DemoRequest<?> request, String variant, int first, int count, double rate,
			int parallelism, ConcurrentMap<String, Object> shared) {
		double periodNanos = 1e9 / rate;
		return Flux.defer(() -> {
			long start = this.nanoClock.getAsLong();
			AtomicInteger inFlight = new AtomicInteger();
			return Flux.range(0, count)
				.concatMap((i) -> Mono
					.delay(Duration
						.ofNanos(Math.max(0, start + Math.round(i * periodNanos) - this.nanoClock.getAsLong())))
					.map((tick) -> new Due(i, inFlight.get() >= parallelism)), 1)
				.flatMap((due) -> Mono.defer(() -> {
					double lateMs = (this.nanoClock.getAsLong() - start - due.index() * periodNanos) / 1e6;
					inFlight.incrementAndGet();
					return this.runner.run(request, variant, request.seed() + first + due.index(), shared)
						.doFinally((signal) -> inFlight.decrementAndGet())
						.map((timeline) -> new Measured(timeline, Math.max(0, lateMs), due.queued()));
				}), parallelism, 1);
		});
	}

	private ComparisonReport report(Demos.DemoRequest<?> request, Plan plan, int concurrency, int round,
			List<VariantStats> results, LabLoad.Seen seen, double elapsedMs) {
		int runs = plan.runs();
		int warmup = plan.warmup();
		List<VariantSummary> summaries = results.stream().map(VariantStats::summary).toList();
		List<Ratio> ratios = new ArrayList<>();
		VariantSummary baseline = summaries.get(0);
		for (VariantSummary summary : summaries.subList(1, summaries.size())) {
			ratios.add(new Ratio(summary.variant(), baseline.variant(), ratio(summary.meanMs(), baseline.meanMs()),
					ratio(summary.p50Ms(), baseline.p50Ms()), ratio(summary.p99Ms(), baseline.p99Ms())));
		}
		CallOverhead overhead = new CallOverhead();
		results.forEach((result) -> overhead.add(result.overhead));
		Verdict verdict = overhead.judge(seen, this.properties, notes(runs));
		long queued = summaries.stream()
			.mapToLong((summary) -> (summary.queuedRuns() != null) ? summary.queuedRuns() : 0)
			.sum();
		if (plan.labCapped() && queued > 0) {
			// a cap the user chose models a service's workers; the lab's own cap does not
			verdict = verdict.with(new Verdict.Reason("lab-cap", queued + " runs came due while all " + concurrency
					+ " places the lab allows were taken (lab.limits.max-calls-in-flight over the calls per run) and"
					+ " waited: that wait is the lab's limit, not the pattern's. Lower 'rate', or give 'concurrency'"
					+ " to model a service that holds that many requests at once."));
		}
		String demo = request.demo().descriptor().name();
		verdict.count(this.meters, demo, "comparison");
		return new ComparisonReport(demo, plan.open() ? "open" : "closed", runs, concurrency,
				plan.open() ? plan.rate() : null, request.seed(), request.transport(),
				request.demo().descriptor().metric(), warmup, round, summaries, ratios, verdict,
				Theories.round(elapsedMs));
	}

	private static List<String> notes(int runs) {
		List<String> notes = new ArrayList<>();
		for (double percentile : PERCENTILES) {
			int needs = Percentile.needsRuns(percentile / 100);
			if (runs < needs) {
				notes.add("p" + Theories.format(percentile) + " needs at least " + needs
						+ " runs per variant for a 95 % confidence interval; this comparison made " + runs
						+ ", so it is not shown.");
			}
		}
		return notes;
	}

	private static @Nullable Double ratio(@Nullable Double value, @Nullable Double baseline) {
		if (value == null || baseline == null) {
			return null;
		}
		return (baseline > 0) ? Math.round(value / baseline * 10_000) / 10_000.0 : 0;
	}

	/**
	 * What a comparison is asked to do.
	 *
	 * @param concurrency runs in flight at most (closed model: always this many while
	 * runs remain; open model: a cap, beyond which due runs wait)
	 * @param rate runs per second of the open model, or 0 for the closed model
	 * @param labCapped whether {@code concurrency} is the lab's own limit rather than one
	 * the user chose
	 */
	public record Plan(int runs, int concurrency, int warmup, double rate, boolean labCapped) {

		public Plan(int runs, int concurrency, int warmup, double rate) {
			this(runs, concurrency, warmup, rate, false);
		}

		boolean open() {
			return this.rate > 0;
		}

	}

	/**
	 * An open-model run come due, and whether every place was taken then.
	 */
	private record Due(int index, boolean queued) {
	}

	/**
	 * A run, how long after it was due it started and whether it waited for a place (open
	 * model).
	 */
	private record Measured(Timeline timeline, double lateMs, boolean queued) {
	}

	/**
	 * How far a comparison has come.
	 *
	 * @param phase {@code warmup} (runs discarded) or {@code measure}
	 * @param p50Ms the variant's median so far, once it has enough runs
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Progress(String phase, String variant, long completed, long runs,
			@JsonProperty("p50_ms") @Nullable Double p50Ms) {
	}

	/**
	 * What the runs of one variant measured so far. Runs of one variant finish one at a
	 * time (flatMap serializes its output), so this needs no locking.
	 */
	private static final class VariantStats {

		private final String variant;

		private final @Nullable Theory theory;

		private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

		/** Open model: each run timed from its own start, as if it had not waited. */
		private @Nullable Histogram uncorrected;

		/** Open model: runs that started more than a millisecond after they were due. */
		private long late;

		/** Open model: runs that came due while every place was taken. */
		private long queued;

		private final CallOverhead overhead = new CallOverhead();

		private final Map<String, Double> factSums = new TreeMap<>();

		private final Set<String> errorSamples = new LinkedHashSet<>();

		private long count;

		private long errors;

		/** How long this variant's turns took, all added up. */
		private long busyNanos;

		/** The seed of the first measured run. */
		private final long firstSeed;

		/** The first {@link #SAMPLES} measured runs, by seed. */
		private final Map<Long, Timeline> samples = new TreeMap<>();

		VariantStats(String variant, @Nullable Theory theory, long firstSeed) {
			this.variant = variant;
			this.theory = theory;
			this.firstSeed = firstSeed;
		}

		/**
		 * @param measured in the open model, how late the run started is part of what it
		 * measures
		 */
		void add(Measured measured, double metricMs, boolean open) {
			Timeline timeline = measured.timeline();
			double lateMs = measured.lateMs();
			this.count++;
			if (open) {
				if (this.uncorrected == null) {
					this.uncorrected = new Histogram(HIGHEST_MICROS, 3);
				}
				this.uncorrected.recordValue(micros(metricMs));
				if (lateMs > 1) {
					this.late++;
				}
				if (measured.queued()) {
					this.queued++;
				}
			}
			if (!timeline.result().equals("ok")) {
				this.errors++;
				if (this.errorSamples.size() < 3 && timeline.error() != null) {
					this.errorSamples.add(timeline.error());
				}
			}
			this.histogram.recordValue(micros(metricMs + lateMs));
			long run = timeline.seed() - this.firstSeed;
			if (run >= 0 && run < SAMPLES) {
				this.samples.put(run, timeline);
			}
			this.overhead.add(timeline);
			timeline.facts().forEach((name, value) -> {
				if (value instanceof Boolean flag) {
					this.factSums.merge(name, flag ? 1.0 : 0.0, Double::sum);
				}
				else if (value instanceof Number number) {
					this.factSums.merge(name, number.doubleValue(), Double::sum);
				}
			});
		}

		Progress progress(int runs) {
			Percentile median = Percentile.of(this.histogram, 50);
			return new Progress("measure", this.variant, this.count, runs, median.ms());
		}

		VariantSummary summary() {
			Map<String, Double> facts = new TreeMap<>();
			this.factSums.forEach((name, sum) -> facts.put(name, Theories.round(sum / Math.max(1, this.count))));
			List<Percentile> percentiles = percentiles(this.histogram);
			return new VariantSummary(this.variant, this.count, this.errors, ms(this.histogram.getMinValue()),
					Theories.round(this.histogram.getMean() / 1000), percentiles.get(0).ms(), percentiles.get(1).ms(),
					percentiles.get(2).ms(), percentiles.get(3).ms(), ms(this.histogram.getMaxValue()), percentiles,
					this.theory, facts, List.copyOf(this.errorSamples), this.overhead.overhead(),
					Theories.round(this.busyNanos / 1e6),
					Math.round(this.factSums.getOrDefault("backend_calls", 0.0) / Math.max(1, this.busyNanos) * 1e9),
					(this.uncorrected != null) ? percentiles(this.uncorrected) : null,
					(this.uncorrected != null) ? this.late : null, (this.uncorrected != null) ? this.queued : null,
					distribution(this.histogram), List.copyOf(this.samples.values()));
		}

		/**
		 * The histogram's values at percentiles that come closer to 100 by halves, short
		 * of 100 itself (the maximum, reported apart): what an HDR percentile plot draws.
		 */
		private static List<Point> distribution(Histogram histogram) {
			List<Point> points = new ArrayList<>();
			for (HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF)) {
				double percentile = value.getPercentileLevelIteratedTo();
				if (percentile >= 100) {
					break;
				}
				points.add(new Point(Math.round(percentile * 10_000) / 10_000.0, ms(value.getValueIteratedTo())));
			}
			return List.copyOf(points);
		}

		private static List<Percentile> percentiles(Histogram histogram) {
			List<Percentile> percentiles = new ArrayList<>();
			for (double percentile : PERCENTILES) {
				percentiles.add(Percentile.of(histogram, percentile));
			}
			return List.copyOf(percentiles);
		}

		private static long micros(double ms) {
			return Math.min(HIGHEST_MICROS, Math.max(0, Math.round(ms * 1000)));
		}

		private static double ms(long micros) {
			return micros / 1000.0;
		}

	}

}
