package dev.patterncatalog.catalog.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * A 200 answer whose body is already bytes, written straight to the response: unlike
 * {@code ServerResponse.ok().bodyValue(bytes)} it needs no builder, no copy of its
 * headers and no codec lookup, which is a measurable share of serving a prepared answer.
 * The body's gzip-encoded copy is sent instead to a client that accepts it. Conditional
 * requests are answered by the exchange, as for Spring's own responses.
 */
final class PreparedResponse implements ServerResponse {

	private static final MultiValueMap<String, ResponseCookie> NO_COOKIES = CollectionUtils
		.unmodifiableMultiValueMap(new LinkedMultiValueMap<>());

	private static final String GZIP = "gzip";

	private final Prepared body;

	private final String cacheControl;

	PreparedResponse(Prepared body, String cacheControl) {
		this.body = body;
		this.cacheControl = cacheControl;
	}

	@Override
	public HttpStatusCode statusCode() {
		return HttpStatus.OK;
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		addHeaders(headers, this.body);
		addBodyHeaders(headers, this.body);
		return HttpHeaders.readOnlyHttpHeaders(headers);
	}

	@Override
	public MultiValueMap<String, ResponseCookie> cookies() {
		return NO_COOKIES;
	}

	@Override
	public Mono<Void> writeTo(ServerWebExchange exchange, Context context) {
		ServerHttpResponse response = exchange.getResponse();
		Prepared gzipped = this.body.gzipped();
		Prepared chosen = (gzipped != null
				&& AcceptEncoding.allowsGzip(exchange.getRequest().getHeaders().get(HttpHeaders.ACCEPT_ENCODING)))
						? gzipped : this.body;
		addHeaders(response.getHeaders(), chosen);
		// RFC 9110, section 13.2.2: If-Match first, which Spring's checkNotModified
		// leaves to unsafe methods, then If-None-Match, whose * it does not match
		HttpHeaders request = exchange.getRequest().getHeaders();
		if (!ifMatchHolds(request.get(HttpHeaders.IF_MATCH), chosen.etag())) {
			return Mono.error(new PreconditionFailed(chosen.etag()));
		}
		if (isWildcard(request.get(HttpHeaders.IF_NONE_MATCH))) {
			response.setStatusCode(HttpStatus.NOT_MODIFIED);
			return response.setComplete();
		}
		if (exchange.checkNotModified(chosen.etag())) {
			return response.setComplete();
		}
		response.setStatusCode(HttpStatus.OK);
		addBodyHeaders(response.getHeaders(), chosen);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(chosen.bytes())));
	}

	/**
	 * Whether an If-Match holds: absent, {@code *}, or naming {@code etag} (compared
	 * strongly, RFC 9110, section 13.1.1).
	 */
	private static boolean ifMatchHolds(@Nullable List<String> condition, String etag) {
		if (condition == null) {
			return true;
		}
		ETag current = ETag.create(etag);
		for (String value : condition) {
			for (ETag tag : ETag.parse(value)) {
				if (tag.isWildcard() || tag.compare(current, true)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isWildcard(@Nullable List<String> condition) {
		return condition != null && condition.stream().map(String::trim).anyMatch("*"::equals);
	}

	/**
	 * The headers a 304 repeats as well (RFC 9110, section 15.4.5).
	 */
	private void addHeaders(HttpHeaders headers, Prepared chosen) {
		headers.setETag(chosen.etag());
		headers.setCacheControl(this.cacheControl);
		headers.set(HttpHeaders.VARY, vary());
	}

	// Accept decides between this answer and a 406 even where only JSON is served
	private String vary() {
		return (this.body.gzipped() == null) ? HttpHeaders.ACCEPT
				: HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING;
	}

	/**
	 * The headers that describe the body, which a 304 has not.
	 */
	private void addBodyHeaders(HttpHeaders headers, Prepared chosen) {
		headers.setContentType(chosen.mediaType());
		headers.setContentLength(chosen.length());
		if (chosen != this.body) {
			headers.set(HttpHeaders.CONTENT_ENCODING, GZIP);
		}
	}

}
