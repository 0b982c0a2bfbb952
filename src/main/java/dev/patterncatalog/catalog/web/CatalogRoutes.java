package dev.patterncatalog.catalog.web;

import dev.patterncatalog.system.GetRoute;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes of the catalog API. Functional routes rather than an annotated controller
 * because they are matched first and directly, where request-mapping lookup checks every
 * mapping of the application against a path with a variable (measured in
 * {@code src/benchmark/README.md}). The OpenAPI description is read from the annotations
 * on {@link PatternHandler}'s methods.
 */
@Configuration(proxyBeanMethods = false)
class CatalogRoutes {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	@Bean
	@RouterOperations({
			@RouterOperation(path = "/api/patterns", method = RequestMethod.GET, produces = JSON,
					beanClass = PatternHandler.class, beanMethod = "list"),
			@RouterOperation(path = "/api/patterns/{id}", method = RequestMethod.GET,
					produces = { JSON, "text/markdown", MediaType.TEXT_HTML_VALUE }, beanClass = PatternHandler.class,
					beanMethod = "pattern"),
			@RouterOperation(path = "/api/patterns/{id}/related", method = RequestMethod.GET, produces = JSON,
					beanClass = PatternHandler.class, beanMethod = "related"),
			@RouterOperation(path = "/api/patterns/{id}/examples", method = RequestMethod.GET, produces = JSON,
					beanClass = PatternHandler.class, beanMethod = "examples"),
			@RouterOperation(path = "/api/facets", method = RequestMethod.GET, produces = JSON,
					beanClass = PatternHandler.class, beanMethod = "facets"),
			@RouterOperation(path = "/api/catalog/problems", method = RequestMethod.GET, produces = JSON,
					beanClass = PatternHandler.class, beanMethod = "problems") })
	RouterFunction<ServerResponse> catalogApi(PatternHandler handler) {
		return GetRoute.of("/api/patterns", handler::list)
			.and(GetRoute.of("/api/patterns/{id}", handler::pattern))
			.and(GetRoute.of("/api/patterns/{id}/related", handler::related))
			.and(GetRoute.of("/api/patterns/{id}/examples", handler::examples))
			.and(GetRoute.of("/api/facets", handler::facets))
			.and(GetRoute.of("/api/catalog/problems", handler::problems));
	}

}
