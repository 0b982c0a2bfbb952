package dev.patterncatalog.system;

import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the few paths whose handlers block off the event loop: springdoc builds the
 * OpenAPI description by scanning the classpath on first use, and Swagger UI's files are
 * read from a jar. Both would stall an event-loop thread (and BlockHound fails the tests
 * on them), so their whole handling is moved to the bounded elastic scheduler on purpose.
 * The catalog and lab paths never come through here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BlockingPathsFilter implements WebFilter {

	private static final List<String> PREFIXES = List.of("/v3/api-docs", "/swagger-ui", "/webjars/");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (PREFIXES.stream().anyMatch(path::startsWith)) {
			return chain.filter(exchange).subscribeOn(Schedulers.boundedElastic());
		}
		return chain.filter(exchange);
	}

}
