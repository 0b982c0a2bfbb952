package dev.patterncatalog.catalog.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Documents what every catalog answer says to caches, and the conditional requests it
 * honours ({@link PreparedAnswers}): its ETag, Cache-Control and Vary headers,
 * {@code If-None-Match} answered with 304 and a failed {@code If-Match} with 412.
 */
@Component
class ConditionalRequestsDescription implements OpenApiCustomizer {

	// a list, not a Map.of, so that the description comes out in the same order every run
	private static final List<Map.Entry<String, String>> CACHE_HEADERS = List.of(
			Map.entry("ETag", "the representation's tag, for If-None-Match and If-Match"),
			Map.entry("Cache-Control", "how long a cache may keep it (catalog.cache-max-age)"), Map.entry("Vary",
					"the request headers that chose this representation: Accept, and Accept-Encoding where a gzip copy exists"));

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getPaths().forEach((path, item) -> {
			Operation get = item.getGet();
			if (get == null || !(path.startsWith("/api/patterns") || path.equals("/api/facets")
					|| path.equals("/api/catalog/problems"))) {
				return;
			}
			get.addParametersItem(
					header("If-None-Match", "ETags of representations the client has, or *: 304 if one is current"));
			get.addParametersItem(header("If-Match", "ETags the client expects, or *: 412 if none is current"));
			ApiResponse ok = get.getResponses().get("200");
			if (ok != null) {
				CACHE_HEADERS
					.forEach((header) -> ok.addHeaderObject(header.getKey(), responseHeader(header.getValue())));
			}
			ApiResponse notModified = new ApiResponse()
				.description("The representation named by If-None-Match is current; no body");
			CACHE_HEADERS
				.forEach((header) -> notModified.addHeaderObject(header.getKey(), responseHeader(header.getValue())));
			get.getResponses().addApiResponse("304", notModified);
			get.getResponses()
				.addApiResponse("412", new ApiResponse()
					.description(
							"If-Match names no current representation; the current one's ETag is in the ETag header")
					.addHeaderObject("ETag", responseHeader("the current representation's tag"))
					.content(new Content().addMediaType("application/problem+json",
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
		});
	}

	private static Parameter header(String name, String description) {
		return new Parameter().in("header").name(name).description(description).schema(new StringSchema());
	}

	private static Header responseHeader(String description) {
		return new Header().description(description).schema(new StringSchema());
	}

}
