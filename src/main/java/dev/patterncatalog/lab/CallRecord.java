package dev.patterncatalog.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One backend call of a demo run, with offsets in milliseconds from the start of the run.
 */
public record CallRecord(@Schema(example = "profile") String backend,
		@JsonProperty("start_ms") @Schema(example = "0.41") double startMs,
		@JsonProperty("end_ms") @Schema(example = "201.87") double endMs,
		@JsonProperty("duration_ms") @Schema(example = "201.46") double durationMs, Outcome outcome,
		@Schema(example = "attempt 1") @Nullable String detail) {
}
