package dev.patterncatalog.system;

import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.stereotype.Component;

/**
 * Serves the few paths whose handlers block off the event loop: springdoc builds the
 * OpenAPI description by scanning the classpath on first use, and Swagger UI's files are
 * read from a jar, as are the pages' own scripts ({@code /js/}). Both would stall an
 * event-loop thread (and BlockHound fails the tests on them), so their whole handling is
 * moved to the bounded elastic scheduler on purpose. A decorator of the HTTP handler
 * rather than a web filter: every request passes a web filter, and the filter chain adds
 * a Reactor checkpoint per filter and request, while here the catalog and lab paths cost
 * one comparison.
 */
@Component
class BlockingPaths implements HttpHandlerDecoratorFactory {

	private static final List<String> PREFIXES = List.of("/v3/api-docs", "/swagger-ui", "/webjars/", "/js/");

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			String path = request.getPath().pathWithinApplication().value();
			for (String prefix : PREFIXES) {
				if (path.startsWith(prefix)) {
					return Mono.defer(() -> handler.handle(request, response)).subscribeOn(Schedulers.boundedElastic());
				}
			}
			return handler.handle(request, response);
		};
	}

}
