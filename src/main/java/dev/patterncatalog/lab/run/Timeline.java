package dev.patterncatalog.lab.run;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What one demo run did and how long it took, measured as it ran.
 *
 * @param totalMs from the start of the run to its answer
 * @param result {@code ok}, or {@code error} when the variant itself failed (as fail-fast
 * does by design)
 * @param facts what this run established beyond its calls, such as whether it was slow or
 * sent a hedge
 * @param verdict whether the run's figures show the pattern or the lab; absent for the
 * runs of a comparison, which judges them together
 */
public record Timeline(@Schema(example = "fan-out") String demo, @Schema(example = "parallel") String variant,
		long seed, Transport transport, @JsonProperty("total_ms") @Schema(example = "201.9") double totalMs,
		@Schema(example = "ok") String result, @Nullable String error, List<CallRecord> calls,
		Map<String, Object> facts, @Nullable Theory theory, @Nullable Verdict verdict) {

	public Timeline withVerdict(Verdict verdict) {
		return new Timeline(this.demo, this.variant, this.seed, this.transport, this.totalMs, this.result, this.error,
				this.calls, this.facts, this.theory, verdict);
	}

}
