package dev.patterncatalog.catalog.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.patterncatalog.catalog.CatalogProblem;
import dev.patterncatalog.catalog.RelatedPattern;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies of catalog endpoints that are not domain records themselves.
 */
final class CatalogResponses {

	private CatalogResponses() {
	}

	record RelatedList(@Schema(example = "gen-pattern-003") String id, List<RelatedPattern> related) {
	}

	record ExampleList(@Schema(example = "gen-pattern-003") String id,
			@Schema(description = "the language asked for, if any", example = "python") @Nullable String language,
			List<Example> examples) {
	}

	record Example(@Schema(example = "Parallel vs Sequential Execution") String solution,
			@Schema(example = "python") String language, @Schema(example = "Python") @Nullable String label,
			String code) {
	}

	record ProblemReport(@Schema(description = "the catalog version", example = "3f9a1c0b7d2e4a61") String version,
			@JsonProperty("loaded_at") @Schema(description = "when this version was built") Instant loadedAt,
			@Schema(description = "documents served", example = "26") int documents, List<CatalogProblem> problems) {
	}

}
