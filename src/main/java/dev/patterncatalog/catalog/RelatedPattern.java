package dev.patterncatalog.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A related-pattern link resolved against the catalog.
 *
 * @param missing whether no document of the catalog has this id
 * @param pattern the linked document, unless missing
 */
public record RelatedPattern(@Schema(example = "gen-pattern-002") String id,
		@Schema(example = "Error Handling Patterns") String label, boolean missing, @Nullable PatternSummary pattern) {
}
