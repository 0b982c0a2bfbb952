package dev.patterncatalog.lab.compare;

import java.util.List;
import java.util.Map;

import dev.patterncatalog.lab.run.Theory;
import dev.patterncatalog.lab.run.Timeline;
import dev.patterncatalog.lab.run.Transport;
import dev.patterncatalog.lab.run.Verdict;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Every variant of a demo run many times, with percentiles of the demo's metric.
 *
 * @param model {@code closed} (a fixed number of runs in flight) or {@code open} (runs
 * arriving at {@code rate} per second, each timed from when it was due)
 * @param rate runs per second of the open model
 * @param warmupRuns runs of each variant made before measuring, and discarded
 * @param roundRuns the variants take turns in rounds of this many runs each, with the
 * same seeds, so that noise of the machine falls on all of them alike
 * @param ratios each variant against the first, the baseline
 * @param verdict whether the figures show the pattern or the lab
 * @param elapsedMs how long the whole comparison took
 */
public record ComparisonReport(@Schema(example = "fan-out") String demo, @Schema(example = "closed", allowableValues = {
		"closed", "open" }) String model, int runs, int concurrency, @Nullable Double rate, long seed,
		Transport transport, @Schema(example = "total time of a run, ms") String metric,
		@JsonProperty("warmup_runs") int warmupRuns, @JsonProperty("round_runs") int roundRuns,
		List<VariantSummary> variants, List<Ratio> ratios, Verdict verdict,
		@JsonProperty("elapsed_ms") double elapsedMs){

	/**
	 * The measurements of one variant. A percentile the sample is too small for is absent
	 * from the {@code p..._ms} fields; {@code percentiles} says how many runs it needs.
	 *
	 * @param errors runs whose variant failed as a whole
	 * @param percentiles each percentile with its 95 % confidence interval
	 * @param facts the mean of each numeric fact over the runs; a yes/no fact gives the
	 * fraction of runs where it held
	 * @param overhead what the lab added to this variant's backend calls
	 * @param busyMs how long this variant's turns took, all added up
	 * @param callsPerSecond the backend calls this variant made per second of its turns
	 * @param uncorrected open model: the percentiles of each run timed from its own start
	 * rather than from when it was due, which hides the time it queued (coordinated
	 * omission); beside the corrected ones above
	 * @param lateRuns open model: runs that started more than a millisecond after they
	 * were due: waiting for a place, or for a busy machine
	 * @param queuedRuns open model: runs that came due while as many runs as the
	 * concurrency allows were in flight, and waited for one to end
	 * @param distribution the metric at percentiles spaced ever closer towards 100, from
	 * the histogram of every run: the latency distribution to plot
	 * @param samples the timelines of the first measured runs, whose seeds are the same
	 * for every variant: what each backend call did, to draw
	 */
	public record VariantSummary(@Schema(example = "parallel") String variant, long count, long errors,
			@JsonProperty("min_ms") double minMs, @JsonProperty("mean_ms") double meanMs,
			@JsonProperty("p50_ms") @Nullable Double p50Ms, @JsonProperty("p90_ms") @Nullable Double p90Ms,
			@JsonProperty("p99_ms") @Nullable Double p99Ms, @JsonProperty("p999_ms") @Nullable Double p999Ms,
			@JsonProperty("max_ms") double maxMs, List<Percentile> percentiles, @Nullable Theory theory,
			Map<String, Double> facts, @JsonProperty("error_samples") List<String> errorSamples,
			Verdict.Overhead overhead, @JsonProperty("busy_ms") double busyMs,
			@JsonProperty("calls_per_second") long callsPerSecond, @Nullable List<Percentile> uncorrected,
			@JsonProperty("late_runs") @Nullable Long lateRuns, @JsonProperty("queued_runs") @Nullable Long queuedRuns,
			List<Point> distribution, List<Timeline> samples) {
	}

	/** The metric's value at a percentile. */
	public record Point(@Schema(example = "99.0") double percentile, @Schema(example = "201.4") double ms) {
	}

	/**
	 * A variant's figures divided by the baseline's: below 1 is faster. A ratio of
	 * percentiles the sample cannot support is absent.
	 */
	public record Ratio(@Schema(example = "parallel") String variant, @Schema(example = "sequential") String baseline,
			double mean, @Nullable Double p50, @Nullable Double p99) {
	}

}
