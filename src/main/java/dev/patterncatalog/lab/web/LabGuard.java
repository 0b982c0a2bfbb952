package dev.patterncatalog.lab.web;

import java.time.Duration;

import dev.patterncatalog.lab.LabBusy;
import dev.patterncatalog.lab.LabProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Protects the demo and job endpoints from crowds with a resilience4j rate limiter (429
 * when exceeded) and bulkhead (503 when full), both answering with a Retry-After header.
 * Comparisons, which run many demos each, have limits of their own. Permits are taken
 * without waiting, so the filter never blocks an event loop.
 */
@Component
class LabGuard implements WebFilter {

	private final Guard runs;

	private final Guard compares;

	LabGuard(LabProperties properties) {
		LabProperties.Guard guard = properties.guard();
		this.runs = new Guard("lab-runs", guard.runsPerSecond(), guard.maxRuns());
		this.compares = new Guard("lab-compares", guard.comparesPerSecond(), guard.maxCompares());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith("/api/lab/demos/") && !path.startsWith("/api/lab/jobs")) {
			return chain.filter(exchange);
		}
		return (path.endsWith("/compare") ? this.compares : this.runs).admit(exchange, chain);
	}

	/**
	 * A rate limiter and a bulkhead for one kind of request.
	 */
	private static final class Guard {

		private final RateLimiter rateLimiter;

		private final Bulkhead bulkhead;

		Guard(String name, int perSecond, int concurrent) {
			this.rateLimiter = RateLimiter.of(name,
					RateLimiterConfig.custom()
						.limitForPeriod(perSecond)
						.limitRefreshPeriod(Duration.ofSeconds(1))
						.timeoutDuration(Duration.ZERO)
						.build());
			this.bulkhead = Bulkhead.of(name,
					BulkheadConfig.custom().maxConcurrentCalls(concurrent).maxWaitDuration(Duration.ZERO).build());
		}

		Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain) {
			if (!this.rateLimiter.acquirePermission()) {
				return Mono.error(new LabBusy(HttpStatus.TOO_MANY_REQUESTS, "Too many lab requests",
						"The lab takes at most " + this.rateLimiter.getRateLimiterConfig().getLimitForPeriod()
								+ " of these requests per second; retry after the Retry-After seconds."));
			}
			if (!this.bulkhead.tryAcquirePermission()) {
				return Mono.error(new LabBusy(HttpStatus.SERVICE_UNAVAILABLE, "Lab busy",
						"The lab runs at most " + this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
								+ " of these requests at once; retry after the Retry-After seconds."));
			}
			return chain.filter(exchange).doFinally((signal) -> this.bulkhead.onComplete());
		}

	}

}
