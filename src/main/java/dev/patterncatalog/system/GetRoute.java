package dev.patterncatalog.system;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;

/**
 * A functional route answering GET, and HEAD (the same headers without the body), on one
 * path pattern; any other method there is a 405 with an Allow header, as an annotated
 * {@code @GetMapping} would answer.
 */
public final class GetRoute {

	private GetRoute() {
	}

	public static RouterFunction<ServerResponse> of(String path, HandlerFunction<ServerResponse> handler) {
		RequestPredicate onPath = RequestPredicates.path(path);
		return RouterFunctions.route(onPath.and(RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD)), handler)
			.andRoute(onPath,
					(request) -> Mono.error(new MethodNotAllowedException(request.method(), Set.of(HttpMethod.GET))));
	}

}
