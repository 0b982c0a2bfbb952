package dev.patterncatalog.system;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Renders every error as an RFC 9457 {@code application/problem+json} body, whoever
 * raised it: a controller, the request mapping (404, 405, 406, 415), a filter or a codec;
 * to a browser, which asks for HTML before JSON, the same problem as a page. Errors that
 * carry their own problem ({@link ErrorResponse}) keep its status, text and headers;
 * anything else is a 500 whose detail says nothing of the internals, which are logged
 * instead.
 */
@Component
@Order(-2) // before Spring Boot's error handler, which answers with its own JSON shape
class ProblemDetailsHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemDetailsHandler.class);

	private final JsonMapper json;

	private final HtmlPages pages;

	ProblemDetailsHandler(JsonMapper json, HtmlPages pages) {
		this.json = json;
		this.pages = pages;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem;
		response.getHeaders().clear();
		if (ex instanceof WebExchangeBindException bind) {
			problem = BoundParameter.refusal(bind).getBody();
		}
		else if (ex instanceof ErrorResponse error) {
			problem = error.getBody();
			response.getHeaders().putAll(error.getHeaders());
			if (ex instanceof MethodNotAllowedException notAllowed) {
				// Spring lists the methods mapped; HEAD and OPTIONS are answered too
				response.getHeaders().setAllow(allowed(notAllowed.getSupportedMethods()));
			}
			if (problem.getStatus() == HttpStatus.NOT_ACCEPTABLE.value()) {
				// Spring lists what it could serve in Accept, a request header that means
				// nothing in an answer; the detail names them
				response.getHeaders().remove(HttpHeaders.ACCEPT);
			}
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"The service failed to answer this request. The failure is logged.");
		}
		if (!(ex instanceof ErrorResponse)) {
			logger.error("Failed: " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath(), ex);
		}
		String path = exchange.getRequest().getPath().value();
		// the answer's form depends on Accept, whichever it is
		response.getHeaders().setVary(List.of(HttpHeaders.ACCEPT));
		if (prefersHtml(exchange.getRequest().getHeaders())) {
			return writePage(response, problem, path);
		}
		return write(response, this.json, problem, path);
	}

	/**
	 * Whether the client names HTML and ranks it above JSON, or as high and first, as
	 * browsers do; a wildcard or an Accept that cannot be parsed gets JSON.
	 */
	static boolean prefersHtml(HttpHeaders request) {
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(request.get(HttpHeaders.ACCEPT));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		double html = 0;
		double json = 0;
		boolean htmlFirst = false;
		for (MediaType type : accepted) {
			if (MediaType.TEXT_HTML.equalsTypeAndSubtype(type)) {
				htmlFirst = htmlFirst || json == 0;
				html = Math.max(html, type.getQualityValue());
			}
			else if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
					|| MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(type)) {
				json = Math.max(json, type.getQualityValue());
			}
		}
		return html > json || (html > 0 && html == json && htmlFirst);
	}

	private Mono<Void> writePage(ServerHttpResponse response, ProblemDetail problem, String path) {
		return send(response, problem, HtmlPages.MEDIA_TYPE,
				this.pages.render("error", toMap(problem, path)).getBytes(StandardCharsets.UTF_8));
	}

	private static Set<HttpMethod> allowed(Set<HttpMethod> mapped) {
		Set<HttpMethod> allowed = new LinkedHashSet<>(mapped);
		if (mapped.contains(HttpMethod.GET)) {
			allowed.add(HttpMethod.HEAD);
		}
		allowed.add(HttpMethod.OPTIONS);
		return allowed;
	}

	/**
	 * Answers with {@code problem}: its status, an {@code application/problem+json} body
	 * that is not to be cached.
	 * @param path the request's path, the problem's instance unless it names another
	 */
	static Mono<Void> write(ServerHttpResponse response, JsonMapper json, ProblemDetail problem, String path) {
		return send(response, problem, MediaType.APPLICATION_PROBLEM_JSON,
				json.writeValueAsBytes(toMap(problem, path)));
	}

	/** The problem's status and {@code body}, not to be cached, in either form. */
	private static Mono<Void> send(ServerHttpResponse response, ProblemDetail problem, MediaType type, byte[] body) {
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(type);
		response.getHeaders().setCacheControl("no-store");
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/**
	 * The problem's members as they are written: the title defaults to the status's
	 * reason phrase, a 404's detail points to the API description, the instance is the
	 * path.
	 */
	private static Map<String, Object> toMap(ProblemDetail problem, String path) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		HttpStatus status = HttpStatus.resolve(problem.getStatus());
		map.put("title", (problem.getTitle() != null) ? problem.getTitle()
				: (status != null) ? status.getReasonPhrase() : "Error");
		map.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			map.put("detail", problem.getDetail());
		}
		else if (problem.getStatus() == HttpStatus.NOT_FOUND.value()) {
			map.put("detail", "Nothing is served at this path. The API is described at /v3/api-docs.");
		}
		map.put("instance", (problem.getInstance() != null) ? problem.getInstance().toString() : path);
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}

}
