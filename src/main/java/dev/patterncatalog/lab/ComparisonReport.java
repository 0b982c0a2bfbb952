package dev.patterncatalog.lab;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Every variant of a demo run many times, with percentiles of the demo's metric.
 *
 * @param ratios each variant against the first, the baseline
 * @param elapsedMs how long the whole comparison took
 */
public record ComparisonReport(@Schema(example = "fan-out") String demo, int runs, int concurrency, long seed,
		Transport transport, @Schema(example = "total time of a run, ms") String metric, List<VariantSummary> variants,
		List<Ratio> ratios, @JsonProperty("elapsed_ms") double elapsedMs) {

	/**
	 * The measurements of one variant.
	 *
	 * @param errors runs whose variant failed as a whole
	 * @param facts the mean of each numeric fact over the runs; a yes/no fact gives the
	 * fraction of runs where it held
	 */
	public record VariantSummary(@Schema(example = "parallel") String variant, long count, long errors,
			@JsonProperty("min_ms") double minMs, @JsonProperty("mean_ms") double meanMs,
			@JsonProperty("p50_ms") double p50Ms, @JsonProperty("p90_ms") double p90Ms,
			@JsonProperty("p99_ms") double p99Ms, @JsonProperty("p999_ms") double p999Ms,
			@JsonProperty("max_ms") double maxMs, @Nullable Theory theory, Map<String, Double> facts,
			@JsonProperty("error_samples") List<String> errorSamples) {
	}

	/**
	 * A variant's figures divided by the baseline's: below 1 is faster.
	 */
	public record Ratio(@Schema(example = "parallel") String variant, @Schema(example = "sequential") String baseline,
			double mean, double p50, double p99) {
	}

}
