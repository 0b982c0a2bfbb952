package dev.patterncatalog.catalog;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a listing shows of a pattern document: its front matter.
 */
public record PatternSummary(@Schema(example = "gen-pattern-003") String id,
		@Schema(example = "Async/Await Patterns") String title, @Schema(example = "pattern") String category,
		@Schema(example = "all") String language, @Schema(example = "1.0.0") String version,
		@JsonProperty("created_at") @Schema(example = "2026-02-24") LocalDate createdAt, List<String> tags) {
}
