package dev.patterncatalog.lab.web;

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
 * Routes of the lab's demos. Functional routes rather than an annotated controller, as
 * for the catalog: annotated handlers cost a mapping lookup and argument resolution per
 * request (measured in {@code src/benchmark/README.md}). The OpenAPI description is read
 * from the annotations on {@link LabHandler}'s methods.
 */
@Configuration(proxyBeanMethods = false)
class LabRoutes {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	@Bean
	@RouterOperations({
			@RouterOperation(path = "/api/lab/demos", method = RequestMethod.GET, produces = JSON,
					beanClass = LabHandler.class, beanMethod = "list"),
			@RouterOperation(path = "/api/lab/demos/{demo}", method = RequestMethod.GET, produces = JSON,
					beanClass = LabHandler.class, beanMethod = "run"),
			@RouterOperation(path = "/api/lab/demos/{demo}/compare", method = RequestMethod.GET,
					produces = { JSON, MediaType.TEXT_EVENT_STREAM_VALUE }, beanClass = LabHandler.class,
					beanMethod = "compare") })
	RouterFunction<ServerResponse> labApi(LabHandler handler) {
		return GetRoute.of("/api/lab/demos", handler::list)
			.and(GetRoute.of("/api/lab/demos/{demo}", handler::run))
			.and(GetRoute.of("/api/lab/demos/{demo}/compare", handler::compare));
	}

}
