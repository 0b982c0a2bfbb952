package dev.patterncatalog.catalog.web;

import java.nio.ByteBuffer;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Fast path: the catalog's most frequent request, a document by id as JSON, answered by a
 * functional route, which Spring tries before the annotated controllers. Through
 * {@link PatternController} it ran at 0.57× a bare Boot app with one functional route,
 * through this route at the speed of that app (figures and command in
 * {@code src/benchmark/README.md}, "Fast path"). It answers what the controller answers,
 * with the same {@link PreparedAnswers}, and only where that is plain: a GET of a
 * document the catalog has, with no query and an {@code Accept} that is absent,
 * {@code *}{@code /*} or {@code application/json}. Every other request goes on to the
 * controller, which describes the operation.
 */
@Configuration(proxyBeanMethods = false)
class DocumentReadFastPath {

	private static final List<String> JSON_ACCEPTS = List.of(MediaType.ALL_VALUE, MediaType.APPLICATION_JSON_VALUE);

	@Bean
	RouterFunction<ServerResponse> documentByIdAsJson(CatalogViews views, PreparedAnswers answers) {
		RequestPredicate plain = RequestPredicates.GET("/api/patterns/{id}")
			.and((request) -> request.queryParams().isEmpty()
					&& plainAccept(request.headers().header(HttpHeaders.ACCEPT)))
			.and((request) -> views.current().pattern(request.pathVariable("id")).isPresent());
		return RouterFunctions.route(plain, (request) -> {
			// a reload between the predicate and here may have taken the document away
			PreparedCatalog.Pattern pattern = views.current()
				.pattern(request.pathVariable("id"))
				.orElseThrow(() -> new PatternNotFound(request.pathVariable("id")));
			ResponseEntity<ByteBuffer> answer = answers.answer(pattern.json, request.exchange());
			ServerResponse.BodyBuilder response = ServerResponse.status(answer.getStatusCode())
				.headers((headers) -> headers.addAll(answer.getHeaders()));
			ByteBuffer body = answer.getBody();
			return (body != null) ? response.bodyValue(body) : response.build();
		});
	}

	private static boolean plainAccept(List<String> accept) {
		return accept.isEmpty() || (accept.size() == 1 && JSON_ACCEPTS.contains(accept.get(0)));
	}

}
