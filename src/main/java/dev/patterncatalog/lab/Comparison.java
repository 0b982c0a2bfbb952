package dev.patterncatalog.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.patterncatalog.lab.ComparisonReport.Ratio;
import dev.patterncatalog.lab.ComparisonReport.VariantSummary;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Runs every variant of a demo {@code runs} times, at most {@code concurrency} at once,
 * one variant after the other so that they do not compete, and summarizes each with
 * HdrHistogram percentiles.
 */
@Component
public class Comparison {

	/**
	 * Runs longer than an hour cannot happen within the lab's limits; microsecond
	 * resolution, 3 digits.
	 */
	private static final long HIGHEST_MICROS = 3_600_000_000L;

	private final DemoRunner runner;

	Comparison(DemoRunner runner) {
		this.runner = runner;
	}

	/**
	 * Compares the variants, emitting a {@link Progress} after every run and the
	 * {@link ComparisonReport} last. Cancelling stops the comparison and every run in
	 * flight.
	 */
	public Flux<Object> run(Demos.DemoRequest request, int runs, int concurrency) {
		Demo demo = request.demo();
		List<String> variants = demo.descriptor().variants();
		int parallelism = Math.min(concurrency, demo.maxConcurrentRuns());
		return Flux.defer(() -> {
			long start = System.nanoTime();
			List<VariantStats> results = new ArrayList<>();
			Flux<Object> progress = Flux.fromIterable(variants).concatMap((variant) -> {
				VariantStats stats = new VariantStats(variant, demo.theory(variant, request.demoParameters()));
				results.add(stats);
				return Flux.range(0, runs)
					.flatMap((i) -> this.runner.run(demo, variant, request.demoParameters(), request.transport(),
							request.seed() + i), parallelism)
					.map((timeline) -> {
						stats.add(timeline, demo.metricMs(timeline));
						return new Progress(variant, stats.count, runs);
					});
			});
			return progress.concatWith(Mono
				.fromSupplier(() -> report(request, runs, parallelism, results, (System.nanoTime() - start) / 1e6)));
		});
	}

	private static ComparisonReport report(Demos.DemoRequest request, int runs, int concurrency,
			List<VariantStats> results, double elapsedMs) {
		List<VariantSummary> summaries = results.stream().map(VariantStats::summary).toList();
		List<Ratio> ratios = new ArrayList<>();
		VariantSummary baseline = summaries.get(0);
		for (VariantSummary summary : summaries.subList(1, summaries.size())) {
			ratios.add(new Ratio(summary.variant(), baseline.variant(), ratio(summary.meanMs(), baseline.meanMs()),
					ratio(summary.p50Ms(), baseline.p50Ms()), ratio(summary.p99Ms(), baseline.p99Ms())));
		}
		return new ComparisonReport(request.demo().descriptor().name(), runs, concurrency, request.seed(),
				request.transport(), request.demo().descriptor().metric(), summaries, ratios,
				Theories.round(elapsedMs));
	}

	private static double ratio(double value, double baseline) {
		return (baseline > 0) ? Math.round(value / baseline * 10_000) / 10_000.0 : 0;
	}

	/**
	 * How far a comparison has come.
	 */
	public record Progress(String variant, long completed, long runs) {
	}

	/**
	 * What the runs of one variant measured so far. Runs of one variant finish one at a
	 * time (flatMap serializes its output), so this needs no locking.
	 */
	private static final class VariantStats {

		private final String variant;

		private final Theory theory;

		private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

		private final Map<String, Double> factSums = new TreeMap<>();

		private final java.util.Set<String> errorSamples = new java.util.LinkedHashSet<>();

		private long count;

		private long errors;

		VariantStats(String variant, Theory theory) {
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
			timeline.facts().forEach((name, value) -> {
				if (value instanceof Boolean flag) {
					this.factSums.merge(name, flag ? 1.0 : 0.0, Double::sum);
				}
				else if (value instanceof Number number) {
					this.factSums.merge(name, number.doubleValue(), Double::sum);
				}
			});
		}

		VariantSummary summary() {
			Map<String, Double> facts = new TreeMap<>();
			this.factSums.forEach((name, sum) -> facts.put(name, Theories.round(sum / Math.max(1, this.count))));
			return new VariantSummary(this.variant, this.count, this.errors, ms(this.histogram.getMinValue()),
					Theories.round(this.histogram.getMean() / 1000), percentile(50), percentile(90), percentile(99),
					percentile(99.9), ms(this.histogram.getMaxValue()), this.theory, facts,
					List.copyOf(this.errorSamples));
		}

		private double percentile(double p) {
			return ms(this.histogram.getValueAtPercentile(p));
		}

		private static double ms(long micros) {
			return micros / 1000.0;
		}

	}

}
