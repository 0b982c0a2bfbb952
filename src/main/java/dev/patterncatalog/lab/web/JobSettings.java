package dev.patterncatalog.lab.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.BindParam;

/**
 * What a job is asked to do, bound from the query of the request that starts it; a
 * setting not given takes its default.
 *
 * @param batches how many batches the job runs
 * @param batchMs how long each batch takes, in milliseconds
 */
record JobSettings(
		@Parameter(description = "how many batches the job runs") @Schema(
				defaultValue = "20") @Min(1) @Max(10_000) Integer batches,
		@BindParam("batch-ms") @Parameter(name = "batch-ms", description = "how long each batch takes, ms") @Schema(
				defaultValue = "250") @DecimalMin("1") @DecimalMax("60000") Double batchMs) {

	JobSettings {
		batches = (batches != null) ? batches : 20;
		batchMs = (batchMs != null) ? batchMs : 250;
	}

}
