package dev.patterncatalog.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a listing.
 *
 * @param total how many documents match, over all pages
 */
public record PatternPage(List<PatternSummary> items, @Schema(example = "0") int page, @Schema(example = "20") int size,
		@Schema(example = "26") long total) {
}
