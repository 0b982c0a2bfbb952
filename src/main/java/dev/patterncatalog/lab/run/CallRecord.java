package dev.patterncatalog.lab.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One backend call of a demo run, with offsets in milliseconds from the start of the run.
 *
 * @param drawnMs the latency the backend drew for the call (known from its seed, so even
 * for a call that was cancelled); absent for a hanging backend and for work that is not a
 * backend call
 * @param overheadMs what the lab added to the drawn latency: the observed duration minus
 * the drawn latency, for calls that waited for their answer or their simulated failure
 * @param labFault whether the call failed for a reason of the lab's own, not of the
 * backend's models (the backends' server unreachable, a timeout the drawn latency did not
 * explain)
 */
public record CallRecord(@Schema(example = "profile") String backend,
		@JsonProperty("start_ms") @Schema(example = "0.41") double startMs,
		@JsonProperty("end_ms") @Schema(example = "201.87") double endMs,
		@JsonProperty("duration_ms") @Schema(example = "201.46") double durationMs, Outcome outcome,
		@Schema(example = "attempt 1") @Nullable String detail,
		@JsonProperty("drawn_ms") @Schema(example = "200.0") @Nullable Double drawnMs,
		@JsonProperty("overhead_ms") @Schema(example = "1.46") @Nullable Double overheadMs,
		@JsonProperty("lab_fault") boolean labFault) {
}
