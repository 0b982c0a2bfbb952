package dev.patterncatalog.catalog.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Fast path: the catalog's most frequent request, a document by id as JSON, answered by a
 * functional route, which Spring tries before the annotated controllers, writing the
 * prepared bytes without a codec: through {@link PatternController} the read missed its
 * speed target against a bare Boot app by far (the benchmark is in
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
			PreparedAnswers.Answer answer = answers.prepare(pattern.json, request.exchange());
			ServerResponse.BodyBuilder response = ServerResponse.status(answer.status())
				.headers((headers) -> headers.addAll(answer.headers()));
			Prepared body = answer.body();
			// the prepared bytes as they are: no codec to look up for them
			return (body == null) ? response.build() : response
				.body((message, context) -> message.writeWith(Mono.just(message.bufferFactory().wrap(body.bytes()))));
		});
	}

	private static boolean plainAccept(List<String> accept) {
		return accept.isEmpty() || (accept.size() == 1 && JSON_ACCEPTS.contains(accept.get(0)));
	}

}
