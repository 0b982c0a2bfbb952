package dev.patterncatalog.catalog.web;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.patterncatalog.catalog.Catalog;
import dev.patterncatalog.catalog.CatalogReplaced;
import dev.patterncatalog.catalog.SearchTooLong;
import dev.patterncatalog.system.RetryLater;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where full-text searches run: never on an event loop (a fuzzy query can hold a core for
 * a while), on a few threads of their own with a bounded queue, each within a time budget
 * that Lucene itself enforces, and no more than so many a second. An answer already
 * prepared skips all of this: it is a lookup.
 */
@Component
class CatalogSearches implements DisposableBean {

	private final SearchLimits limits;

	private final Scheduler scheduler;

	private final RateLimiter limiter;

	CatalogSearches(SearchLimits limits) {
		this.limits = limits;
		// a pool with a queue of fixed length: beyond it a search is refused at once
		AtomicInteger threads = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(limits.queue()), (task) -> {
					Thread thread = new Thread(task, "catalog-search-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.scheduler = Schedulers.fromExecutorService(pool, "catalog-search");
		this.limiter = RateLimiter.of("catalog-search",
				RateLimiterConfig.custom()
					.limitForPeriod(limits.perSecond())
					.limitRefreshPeriod(Duration.ofSeconds(1))
					.timeoutDuration(Duration.ZERO)
					.build());
	}

	/**
	 * Runs a search off the event loop, within the limits; refusals are problems: 429
	 * beyond the rate, 503 when every thread and place in the queue is taken or the
	 * budget runs out.
	 */
	<T> Mono<T> run(Supplier<T> search) {
		Duration budget = this.limits.budget();
		return Mono.fromSupplier(() -> Catalog.within(budget, search))
			.subscribeOn(this.scheduler)
			// Lucene stops a search at its budget; this also bounds the wait in the queue
			.timeout(budget.multipliedBy(2), Mono.error(() -> new SearchTooLong(budget)))
			.transformDeferred(RateLimiterOperator.of(this.limiter))
			.onErrorMap(RequestNotPermitted.class, (ex) -> new RetryLater(HttpStatus.TOO_MANY_REQUESTS,
					"Too many searches",
					"More than " + this.limits.perSecond()
							+ " searches a second (catalog.search.per-second); retry after the Retry-After seconds."))
			.onErrorMap(RejectedExecutionException.class,
					(ex) -> new RetryLater(HttpStatus.SERVICE_UNAVAILABLE, "Search busy",
							"Every search thread and queue place is taken (catalog.search.threads and"
									+ " catalog.search.queue); retry after the Retry-After seconds."))
			.onErrorMap(CatalogReplaced.class,
					(ex) -> new RetryLater(HttpStatus.SERVICE_UNAVAILABLE, "Catalog replaced",
							"The catalog was reloaded while this search waited; retry after the Retry-After seconds."))
			.onErrorMap(SearchTooLong.class, (ex) -> new RetryLater(HttpStatus.SERVICE_UNAVAILABLE, "Search too long",
					"The search did not finish within its budget of " + budget.toMillis()
							+ " ms (catalog.search.budget): a fuzzy or prefix term that matches many words, or a busy"
							+ " machine. Narrow the query, or retry after the Retry-After seconds."));
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

}
