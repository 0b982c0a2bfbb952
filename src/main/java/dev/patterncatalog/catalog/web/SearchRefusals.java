package dev.patterncatalog.catalog.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/**
 * Documents, on an operation that takes a full-text query, the answers of
 * {@link CatalogSearches}' limits.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponses({ @ApiResponse(responseCode = "429",
		description = "More new searches per second than the catalog takes (catalog.search.per-second);"
				+ " retry after Retry-After",
		headers = @Header(name = "Retry-After", description = "seconds to wait before retrying",
				schema = @Schema(type = "integer")),
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(ref = "#/components/schemas/Problem"),
				examples = @ExampleObject(
						value = "{\"type\": \"about:blank\", \"title\": \"Too many searches\", \"status\": 429, \"detail\": \"More than 500 searches a second (catalog.search.per-second); retry after the Retry-After seconds.\", \"instance\": \"/api/patterns\"}"))),
		@ApiResponse(responseCode = "503",
				description = "Every search thread is busy, or the search ran past its budget"
						+ " (catalog.search.threads, queue, budget); retry after Retry-After",
				headers = @Header(name = "Retry-After", description = "seconds to wait before retrying",
						schema = @Schema(type = "integer")),
				content = @Content(mediaType = "application/problem+json",
						schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(
								value = "{\"type\": \"about:blank\", \"title\": \"Search busy\", \"status\": 503, \"detail\": \"Every search thread and queue place is taken (catalog.search.threads and catalog.search.queue); retry after the Retry-After seconds.\", \"instance\": \"/api/patterns\"}"))) })
@interface SearchRefusals {

}
