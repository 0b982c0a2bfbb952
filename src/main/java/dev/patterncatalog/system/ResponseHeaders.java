package dev.patterncatalog.system;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.stereotype.Component;

/**
 * Headers every answer gets as it is committed, whoever made it (a route, an error
 * handler, the actuator): {@code Date}, which Reactor Netty does not send (RFC 9110,
 * section 6.6.1), {@code X-Content-Type-Options: nosniff}, and for the service's own HTML
 * pages a content security policy that allows no frame around them, nothing loaded from
 * elsewhere and no script but the service's own files. A decorator of the HTTP handler,
 * as in {@link BlockingPaths}: a web filter would add a checkpoint to every request.
 */
@Component
class ResponseHeaders implements HttpHandlerDecoratorFactory {

	/**
	 * The pages load nothing from elsewhere: styles and scripts only from this service's
	 * own files (the lab's, and the chart library's WebJar), which may read its event
	 * streams, and inline styles.
	 */
	static final String PAGE_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; "
			+ "script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	/** Swagger UI's page runs its own scripts: it keeps the browser's defaults. */
	private static final String SWAGGER_UI = "/swagger-ui";

	private final Clock clock = Clock.systemUTC();

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			response.beforeCommit(() -> {
				HttpHeaders headers = response.getHeaders();
				headers.setDate(this.clock.millis());
				headers.set("X-Content-Type-Options", "nosniff");
				// Spring's answer to OPTIONS on an annotated mapping lists the media
				// types
				// PATCH takes: an empty header where no mapping takes PATCH
				String acceptPatch = headers.getFirst(HttpHeaders.ACCEPT_PATCH);
				if (acceptPatch != null && acceptPatch.isBlank()) {
					headers.remove(HttpHeaders.ACCEPT_PATCH);
				}
				MediaType type = headers.getContentType();
				if (type != null && MediaType.TEXT_HTML.isCompatibleWith(type)
						&& !request.getPath().value().startsWith(SWAGGER_UI)) {
					headers.set("Content-Security-Policy", PAGE_POLICY);
				}
				return Mono.empty();
			});
			return handler.handle(request, response);
		};
	}

}
