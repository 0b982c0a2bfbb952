package dev.patterncatalog.lab.backend;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a simulated backend answers when it succeeds.
 *
 * @param latencyMs the latency the backend drew for this call
 * @param attempt the attempt number the call counted as
 */
public record BackendReply(@Schema(example = "profile") String backend,
		@JsonProperty("latency_ms") @Schema(example = "200.0") double latencyMs, @Schema(example = "1") int attempt) {
}
