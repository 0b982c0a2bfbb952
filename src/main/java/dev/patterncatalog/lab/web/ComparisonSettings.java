package dev.patterncatalog.lab.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.system.BoundParameter;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * How a comparison runs each variant, bound from its query: {@code runs} at most
 * {@code concurrency} at once (the closed model), or {@code rate} runs a second for
 * {@code duration} (the open model), after {@code warmup} discarded runs. Lower bounds
 * are written here; the upper bounds that are the lab's configured limits are checked by
 * {@link #within} and written into the OpenAPI description from {@link #maxima}.
 */
record ComparisonSettings(
		@Parameter(
				description = "runs of each variant; default: the demo's default_runs") @Nullable @Min(1) Integer runs,
		@Parameter(description = "runs in flight at most; default: the demo's default_concurrency, or in the open model"
				+ " as many as the lab's limits allow") @Nullable @Min(1) Integer concurrency,
		@Parameter(description = "runs of each variant made and discarded before measuring; default:"
				+ " lab.measurement.warmup-runs") @Nullable @Min(0) @Max(1000) Integer warmup,
		@Parameter(description = "open model: runs of each variant per second, each timed from when it was due, so"
				+ " that queueing shows (with 'duration'; not with 'runs')") @Nullable @DecimalMin("0.1") Double rate,
		@Parameter(
				description = "open model: how long each variant runs, in ms; default 10000") @Nullable @DecimalMin("100") Double duration) {

	/** The query parameters these settings are bound from. */
	static final Set<String> NAMES = BoundParameter.of(ComparisonSettings.class)
		.stream()
		.map(BoundParameter::name)
		.collect(Collectors.toUnmodifiableSet());

	/** The upper bounds that are configured limits, by parameter. */
	static Map<String, Double> maxima(LabProperties.Limits limits) {
		Map<String, Double> maxima = new LinkedHashMap<>();
		maxima.put("runs", (double) limits.maxRuns());
		maxima.put("concurrency", (double) limits.maxConcurrency());
		maxima.put("rate", (double) limits.maxRate());
		maxima.put("duration", (double) limits.maxComparisonDuration().toMillis());
		return maxima;
	}

	/**
	 * These settings, checked against the configured limits.
	 * @throws dev.patterncatalog.system.InvalidParameter naming the first value past its
	 * limit, with both its bounds
	 */
	ComparisonSettings within(LabProperties.Limits limits) {
		Map<String, Double> maxima = maxima(limits);
		Map<String, @Nullable Number> given = new LinkedHashMap<>();
		given.put("runs", this.runs);
		given.put("concurrency", this.concurrency);
		given.put("rate", this.rate);
		given.put("duration", this.duration);
		for (BoundParameter parameter : BoundParameter.of(ComparisonSettings.class)) {
			Number value = given.get(parameter.name());
			Double max = maxima.get(parameter.name());
			if (value != null && max != null && value.doubleValue() > max) {
				throw parameter.withMax(max).refused(value);
			}
		}
		return this;
	}

}
