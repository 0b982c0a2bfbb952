package dev.patterncatalog.lab.run;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What theory predicts for a variant, to be compared with what was measured.
 *
 * @param metric what the value predicts: {@code total_ms}, or the name of a fact such as
 * {@code slow}
 * @param formula how the value was derived
 */
public record Theory(@Schema(example = "total_ms") String metric, @Schema(example = "200.0") double value,
		@Schema(example = "max of the backends' mean latencies") String formula) {
}
