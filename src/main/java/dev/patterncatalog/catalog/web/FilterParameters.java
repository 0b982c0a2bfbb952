package dev.patterncatalog.catalog.web;

import java.util.List;

import dev.patterncatalog.catalog.PatternFilter;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a listing or a facet count, bound from the query. A blank value counts
 * as not given, and values are stripped of surrounding spaces.
 *
 * @param category only this category
 * @param language only this language
 * @param tag tags that must all be present
 * @param q a full-text query
 */
record FilterParameters(
		@Parameter(description = "Only this category",
				example = "resilience") @Size(max = FilterParameters.MAX_VALUE_LENGTH) @Nullable String category,
		@Parameter(description = "Only this language",
				example = "all") @Size(max = FilterParameters.MAX_VALUE_LENGTH) @Nullable String language,
		@Parameter(description = "Only patterns with this tag; repeat it (up to 10 times) to require several") @Size(
				max = 10) List<@Size(max = FilterParameters.MAX_VALUE_LENGTH) String> tag,
		@Parameter(
				description = "Full-text query (at most 200 characters): words must all match;"
						+ " \"a phrase\", prefix*, -excluded and a | b are understood",
				example = "timeout") @Size(max = 200) @Nullable String q) {

	static final int MAX_VALUE_LENGTH = 64;

	FilterParameters {
		category = given(category);
		language = given(language);
		tag = (tag != null) ? tag.stream().map(FilterParameters::given).filter((t) -> t != null).toList() : List.of();
		q = given(q);
	}

	PatternFilter filter() {
		return new PatternFilter(this.category, this.language, this.tag, this.q);
	}

	static @Nullable String given(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
