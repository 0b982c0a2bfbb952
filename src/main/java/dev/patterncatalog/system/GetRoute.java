package dev.patterncatalog.system;

import java.util.List;

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
 * A functional route answering GET, HEAD (the same headers without the body) and OPTIONS
 * (what is allowed) on one path pattern; any other method there is a 405 with an Allow
 * header, as an annotated {@code @GetMapping} would answer.
 */
public final class GetRoute {

	private static final List<HttpMethod> ALLOWED = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private GetRoute() {
	}

	public static RouterFunction<ServerResponse> of(String path, HandlerFunction<ServerResponse> handler) {
		RequestPredicate onPath = RequestPredicates.path(path);
		return RouterFunctions.route(onPath.and(RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD)), handler)
			.andRoute(onPath.and(RequestPredicates.method(HttpMethod.OPTIONS)),
					(request) -> ServerResponse.ok().allow(ALLOWED.toArray(HttpMethod[]::new)).build())
			.andRoute(onPath, (request) -> Mono.error(new MethodNotAllowedException(request.method(), ALLOWED)));
	}

}
