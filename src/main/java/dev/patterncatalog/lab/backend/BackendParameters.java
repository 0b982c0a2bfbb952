package dev.patterncatalog.lab.backend;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.BindParam;

/**
 * A simulated backend as configuration ({@code lab.backends.<name>}) and a call's query
 * give it: a latency model with its parameters, leaving out those the model does not
 * take, and how it fails. What is left out comes from the configured backend of the same
 * name, if there is one. The bounds written here are checked by Bean Validation; those
 * that depend on configuration ({@code lab.limits.max-delay}) or on another parameter are
 * checked by {@link BackendSpec#of}.
 */
public record BackendParameters(
		@Parameter(description = "latency model; needed unless the backend is configured",
				schema = @Schema(type = "string", allowableValues = {
						"fixed", "uniform", "normal", "lognormal", "tail" })) @Nullable @Size(max = 20) String model,
		@Parameter(description = "fixed: latency in ms", example = "200") @Nullable @DecimalMin("0") Double delay,
		@Parameter(description = "uniform: lowest latency in ms") @Nullable @DecimalMin("0") Double min,
		@Parameter(description = "uniform: highest latency in ms") @Nullable @DecimalMin("0") Double max,
		@Parameter(description = "normal: mean in ms") @Nullable @DecimalMin("0") Double mean,
		@Parameter(description = "normal: standard deviation in ms") @Nullable @DecimalMin("0") Double sd,
		@Parameter(description = "lognormal: median in ms") @Nullable @DecimalMin("0.001") Double median,
		@Parameter(description = "lognormal: 99th percentile in ms") @Nullable @DecimalMin("0") Double p99,
		@Parameter(description = "tail: usual latency in ms") @Nullable @DecimalMin("0") Double base,
		@Parameter(description = "tail: slow latency in ms") @Nullable @DecimalMin("0") Double slow,
		@Parameter(
				description = "tail: probability of the slow one") @Nullable @DecimalMin("0") @DecimalMax("1") Double p,
		@BindParam("error-rate") @Parameter(description = "probability of failing",
				schema = @Schema(defaultValue = "0")) @Nullable @DecimalMin("0") @DecimalMax("1") Double errorRate,
		@BindParam("error-status") @Parameter(description = "HTTP status of a failure",
				schema = @Schema(defaultValue = "503")) @Nullable @Min(400) @Max(599) Integer errorStatus,
		@BindParam("fail-first") @Parameter(description = "attempts up to this number fail",
				schema = @Schema(defaultValue = "0")) @Nullable @Min(0) @Max(1_000_000) Integer failFirst,
		@Parameter(description = "never answer (only the caller's timeout helps); the server gives up with 504 after"
				+ " lab.limits.max-hang", schema = @Schema(defaultValue = "false")) @Nullable Boolean hang){

	/** Nothing given: every value from the configured backend. */
	public static final BackendParameters NONE = new BackendParameters(null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null);

}
