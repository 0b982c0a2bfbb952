package dev.patterncatalog.catalog.web;

import java.nio.ByteBuffer;
import java.util.List;

import dev.patterncatalog.catalog.CatalogProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a request with a prepared body: its ETag, Cache-Control and Vary headers, its
 * gzip-encoded copy to a client that accepts it, and the conditional requests RFC 9110
 * defines. Spring answers a matching {@code If-None-Match} with 304; what it leaves to
 * the application is done here: {@code If-Match}, which it checks for unsafe methods
 * only, and {@code If-None-Match: *}, which it does not match.
 */
@Component
class PreparedAnswers {

	/** Written once: CacheControl builds its header anew each time it is asked. */
	private final String cacheControl;

	PreparedAnswers(CatalogProperties properties) {
		this.cacheControl = CacheControl.maxAge(properties.cacheMaxAge()).cachePublic().getHeaderValue();
	}

	ResponseEntity<ByteBuffer> answer(Prepared body, ServerWebExchange exchange) {
		Answer answer = prepare(body, exchange);
		return new ResponseEntity<>((answer.body() != null) ? answer.body().bytes() : null, answer.headers(),
				answer.status());
	}

	/**
	 * The answer's status and headers, and the body to send, or {@code null} for a 304.
	 */
	record Answer(HttpStatus status, HttpHeaders headers, @Nullable Prepared body) {
	}

	Answer prepare(Prepared body, ServerWebExchange exchange) {
		HttpHeaders request = exchange.getRequest().getHeaders();
		Prepared gzipped = body.gzipped();
		Prepared chosen = (gzipped != null && AcceptEncoding.allowsGzip(request.get(HttpHeaders.ACCEPT_ENCODING)))
				? gzipped : body;
		if (!ifMatchHolds(request.get(HttpHeaders.IF_MATCH), chosen.etag())) {
			throw new PreconditionFailed(chosen.etag());
		}
		// Accept decides between this answer and a 406 even where only JSON is served
		String[] vary = (gzipped == null) ? new String[] { HttpHeaders.ACCEPT }
				: new String[] { HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_ENCODING };
		// a 304 repeats these headers and none that describe a body (RFC 9110, 15.4.5)
		boolean notModified = isWildcard(request.get(HttpHeaders.IF_NONE_MATCH))
				|| exchange.checkNotModified(chosen.etag());
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(chosen.etag());
		headers.set(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		headers.setVary(List.of(vary));
		if (notModified) {
			return new Answer(HttpStatus.NOT_MODIFIED, headers, null);
		}
		headers.setContentType(chosen.mediaType());
		headers.setContentLength(chosen.length());
		if (chosen != body) {
			headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		return new Answer(HttpStatus.OK, headers, chosen);
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

}
