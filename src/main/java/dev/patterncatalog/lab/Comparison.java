package dev.patterncatalog.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.patterncatalog.lab.ComparisonReport.Ratio;
import dev.patterncatalog.lab.ComparisonReport.VariantSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

	/** No run of the lab's limits takes an hour; microseconds, 3 digits. */
	private static final long HIGHEST_MICROS = 3_600_000_000L;

	private final DemoRunner runner;

	private final LabLoad load;

	private final LabProperties properties;

	private final MeterRegistry meters;

	Comparison(DemoRunner runner, LabLoad load, LabProperties properties, MeterRegistry meters) {
		this.runner = runner;
		this.load = load;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * Compares the variants, emitting a {@link Progress} after the warm-up of each
	 * variant and after each of its rounds, and the {@link ComparisonReport} last.
	 * Cancelling stops the comparison and every run in flight.
	 */
	public Flux<Object> run(Demos.DemoRequest request, int runs, int concurrency, int warmup) {
		Demo demo = request.demo();
		List<String> variants = demo.descriptor().variants();
		int parallelism = Math.min(concurrency, demo.maxConcurrentRuns());
		int round = Math.max(parallelism, (runs + ROUNDS - 1) / ROUNDS);
		return Flux.defer(() -> {
			long start = System.nanoTime();
			Map<String, VariantStats> stats = new LinkedHashMap<>();
			variants.forEach((variant) -> stats.put(variant,
					new VariantStats(variant, demo.theory(variant, request.demoParameters()))));
			Flux<Object> warmed = Flux.fromIterable(variants)
				.concatMap((variant) -> runs(request, variant, runs, warmup, parallelism)
					.then(Mono.just(new Progress("warmup", variant, warmup, warmup, null))));
			LabLoad.Watch[] watch = new LabLoad.Watch[1];
			Flux<Object> measured = Flux.range(0, (runs + round - 1) / round)
				.concatMap((turn) -> Flux.fromIterable(variants).concatMap((variant) -> {
					VariantStats variantStats = stats.get(variant);
					int from = turn * round;
					long turnStart = System.nanoTime();
					return runs(request, variant, from, Math.min(round, runs - from), parallelism)
						.doOnNext((timeline) -> variantStats.add(timeline, demo.metricMs(timeline)))
						.then(Mono.fromSupplier(() -> {
							variantStats.busyNanos += System.nanoTime() - turnStart;
							return variantStats.progress(runs);
						}));
				}));
			return warmed.concatWith(Flux.defer(() -> {
				watch[0] = this.load.watch(request.transport() == Transport.HTTP);
				return measured;
			}))
				.concatWith(Mono.fromSupplier(() -> report(request, runs, parallelism, warmup, round,
						List.copyOf(stats.values()), watch[0].end(), (System.nanoTime() - start) / 1e6)));
		});
	}

	/**
	 * Runs {@code count} runs of a variant with the seeds from {@code first} on: the same
	 * seeds for every variant.
	 */
	private Flux<Timeline> runs(Demos.DemoRequest request, String variant, int first, int count, int parallelism) {
		return Flux.range(first, count)
			.flatMap((i) -> this.runner.run(request.demo(), variant, request.demoParameters(), request.transport(),
					request.seed() + i), parallelism);
	}

	private ComparisonReport report(Demos.DemoRequest request, int runs, int concurrency, int warmup, int round,
			List<VariantStats> results, LabLoad.Seen seen, double elapsedMs) {
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
		String demo = request.demo().descriptor().name();
		Counter.builder("lab.verdicts")
			.description("Verdicts of the lab's comparisons and runs on their own figures")
			.tags("demo", demo, "kind", "comparison", "status", verdict.status())
			.register(this.meters)
			.increment();
		return new ComparisonReport(demo, runs, concurrency, request.seed(), request.transport(),
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

		private final CallOverhead overhead = new CallOverhead();

		private final Map<String, Double> factSums = new TreeMap<>();

		private final Set<String> errorSamples = new LinkedHashSet<>();

		private long count;

		private long errors;

		/** How long this variant's turns took, all added up. */
		private long busyNanos;

		VariantStats(String variant, @Nullable Theory theory) {
			this.variant = variant;
			this.theory = theory;
		}

		void add(Timeline timeline, double metricMs) {
			this.count++;
			if (!timeline.result().equals("ok")) {
				this.errors++;
				if (this.errorSamples.size() < 3 && timeline.error() != null) {
					this.errorSamples.add(timeline.error());
				}
			}
			this.histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, Math.round(metricMs * 1000))));
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
			List<Percentile> percentiles = new ArrayList<>();
			for (double percentile : PERCENTILES) {
				percentiles.add(Percentile.of(this.histogram, percentile));
			}
			return new VariantSummary(this.variant, this.count, this.errors, ms(this.histogram.getMinValue()),
					Theories.round(this.histogram.getMean() / 1000), percentiles.get(0).ms(), percentiles.get(1).ms(),
					percentiles.get(2).ms(), percentiles.get(3).ms(), ms(this.histogram.getMaxValue()),
					List.copyOf(percentiles), this.theory, facts, List.copyOf(this.errorSamples),
					this.overhead.overhead(), Theories.round(this.busyNanos / 1e6),
					Math.round(this.factSums.getOrDefault("backend_calls", 0.0) / Math.max(1, this.busyNanos) * 1e9));
		}

		private static double ms(long micros) {
			return micros / 1000.0;
		}

	}

}
