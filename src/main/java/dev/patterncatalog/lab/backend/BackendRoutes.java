package dev.patterncatalog.lab.backend;

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
 * Routes of the simulated backends: functional, as the catalog's and the demos' are,
 * because a fan-out over HTTP calls them three times per run. The counters come before
 * the call, so that {@code /stats} is not taken for a backend's name. The OpenAPI
 * description is read from the annotations on {@link BackendHandler}'s methods.
 */
@Configuration(proxyBeanMethods = false)
class BackendRoutes {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	@Bean
	@RouterOperations({
			@RouterOperation(path = "/api/lab/backends", method = RequestMethod.GET, produces = JSON,
					beanClass = BackendHandler.class, beanMethod = "backends"),
			@RouterOperation(path = "/api/lab/backends/stats", method = RequestMethod.GET, produces = JSON,
					beanClass = BackendHandler.class, beanMethod = "stats"),
			@RouterOperation(path = "/api/lab/backends/{name}", method = RequestMethod.GET, produces = JSON,
					beanClass = BackendHandler.class, beanMethod = "call") })
	RouterFunction<ServerResponse> backendApi(BackendHandler handler) {
		return GetRoute.of("/api/lab/backends", handler::backends)
			.and(GetRoute.of("/api/lab/backends/stats", handler::stats))
			.and(GetRoute.of("/api/lab/backends/{name}", handler::call));
	}

}
