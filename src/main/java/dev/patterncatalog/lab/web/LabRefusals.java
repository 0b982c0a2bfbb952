package dev.patterncatalog.lab.web;

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
 * Documents, on an operation that {@link LabGuard} protects, the two answers a client
 * should be ready for when the lab is crowded, so that Swagger UI shows them beside the
 * success.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponses({ @ApiResponse(responseCode = "429",
		description = "More lab requests per second than the lab takes (lab.guard); retry after Retry-After",
		headers = @Header(name = "Retry-After", description = "seconds to wait before retrying",
				schema = @Schema(type = "integer")),
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(ref = "#/components/schemas/Problem"),
				examples = @ExampleObject(
						value = "{\"type\": \"about:blank\", \"title\": \"Too many lab requests\", \"status\": 429, \"detail\": \"The lab takes at most 5 of these requests per second; retry after the Retry-After seconds.\", \"instance\": \"/api/lab/demos/fan-out/compare\"}"))),
		@ApiResponse(responseCode = "503",
				description = "The lab is at one of its bounds on work at once (lab.guard, a demo's own, or the number"
						+ " of jobs); retry after Retry-After",
				headers = @Header(name = "Retry-After", description = "seconds to wait before retrying",
						schema = @Schema(type = "integer")),
				content = @Content(mediaType = "application/problem+json",
						schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(
								value = "{\"type\": \"about:blank\", \"title\": \"Lab busy\", \"status\": 503, \"detail\": \"The lab runs at most 4 of these requests at once; retry after the Retry-After seconds.\", \"instance\": \"/api/lab/demos/fan-out/compare\"}"))) })
@interface LabRefusals {

}
