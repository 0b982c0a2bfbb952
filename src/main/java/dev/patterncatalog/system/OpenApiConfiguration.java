package dev.patterncatalog.system;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The OpenAPI description served at {@code /v3/api-docs} and explored with Swagger UI,
 * which {@code /} leads to.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String PROBLEM = "Problem";

	@Bean
	OpenAPI catalogOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Reactive Pattern Catalog")
				.version("v1")
				.description("Async and resilience patterns as documents you can search and read, in JSON, Markdown or"
						+ " HTML. Every error is an RFC 9457 problem (`application/problem+json`).")
				.contact(new Contact().name("The Reactive Pattern Catalog team")))
			// relative to the description itself, wherever it is served: never the
			// request's Host, which any client can set
			.servers(List.of(new Server().url("/")));
	}

	/**
	 * Documents the problem responses every API operation can give, so Swagger UI shows
	 * them beside the successes.
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				ApiResponses responses = operation.getResponses();
				if (!path.startsWith("/api/")) {
					return;
				}
				responses.addApiResponse("400",
						problem("A parameter is unknown, repeated or invalid; the problem's `parameter` names it",
								example("Invalid parameter 'size'", 400,
										"Parameter 'size' must be a whole number from 1 to 100, not '500'.", "size")));
				if (path.startsWith("/api/patterns/{id}")) {
					responses.addApiResponse("404", problem("No pattern has this id", example("Pattern not found", 404,
							"No pattern has the id 'no-such-pattern'. GET /api/patterns lists them.", null)));
				}
				else if (path.contains("{")) {
					responses.addApiResponse("404",
							problem("Nothing has this name or id", example("Not Found", 404, null, null)));
				}
				responses.addApiResponse("406",
						problem("No representation fits the Accept header, or it cannot be parsed",
								example("Not Acceptable", 406, null, null)));
			}));
		};
	}

	@Bean
	RouterFunction<ServerResponse> homeRedirect() {
		return RouterFunctions.route()
			.GET("/", (request) -> ServerResponse.temporaryRedirect(URI.create("/swagger-ui.html")).build())
			.build();
	}

	/** A problem's fields in the order they are served, the same in every run. */
	private static Map<String, Object> example(String title, int status, @Nullable String detail,
			@Nullable String parameter) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("title", title);
		example.put("status", status);
		if (detail != null) {
			example.put("detail", detail);
		}
		if (parameter != null) {
			example.put("parameter", parameter);
		}
		return example;
	}

	private static ApiResponse problem(String description, Map<String, Object> example) {
		MediaType mediaType = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
			.example(example);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					mediaType));
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Invalid parameter 'page'"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().example("/api/patterns"))
			.addProperty("parameter", new StringSchema().description("the parameter at fault, for 400s"));
	}

}
