package dev.patterncatalog.system;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;

/**
 * Gives the actuator's own 404s the problem body every other 404 has: the health endpoint
 * answers an unknown component or group with an empty 404. A decorator of the HTTP
 * handler rather than a web filter, so that requests outside {@code /actuator/} pay one
 * comparison.
 */
@Component
class ActuatorProblems implements HttpHandlerDecoratorFactory {

	private final JsonMapper json;

	ActuatorProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			String path = request.getPath().value();
			return path.startsWith("/actuator/") ? handler.handle(request, new EmptyNotFound(response, path))
					: handler.handle(request, response);
		};
	}

	private final class EmptyNotFound extends ServerHttpResponseDecorator {

		private final String path;

		EmptyNotFound(ServerHttpResponse response, String path) {
			super(response);
			this.path = path;
		}

		@Override
		public Mono<Void> setComplete() {
			if (!HttpStatus.NOT_FOUND.equals(getStatusCode()) || isCommitted()) {
				return super.setComplete();
			}
			return ProblemDetailsHandler.write(this, ActuatorProblems.this.json,
					ProblemDetail.forStatus(HttpStatus.NOT_FOUND), this.path);
		}

	}

}
