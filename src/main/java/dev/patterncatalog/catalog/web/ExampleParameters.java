package dev.patterncatalog.catalog.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Which code examples of a document, bound from the query.
 *
 * @param language only examples in this language
 */
record ExampleParameters(
		@Parameter(description = "Only examples in this language (the code fence's language, ignoring case)",
				example = "python") @Size(max = FilterParameters.MAX_VALUE_LENGTH) @Nullable String language) {

	ExampleParameters {
		language = FilterParameters.given(language);
	}

}
