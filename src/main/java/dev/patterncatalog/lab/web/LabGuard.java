package dev.patterncatalog.lab.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import dev.patterncatalog.lab.LabBusy;
import dev.patterncatalog.lab.LabProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Protects the lab from crowds with resilience4j's rate limiter (429 when exceeded) and
 * bulkhead (503 when full), applied as their Reactor operators and both answered with a
 * Retry-After header. Runs and job starts share one pair; comparisons, which run many
 * demos each, have limits of their own. Applied to the work of a request after its
 * parameters are checked, so a bad request costs no permit; permits are taken without
 * waiting, so the guard never blocks an event loop.
 */
@Component
class LabGuard {

	private final Guard runs;

	private final Guard compares;

	/**
	 * Backend calls all runs and comparisons may hold in flight together: a permit per
	 * call, where a bulkhead counts one per request however many calls it makes.
	 */
	private final Semaphore calls;

	private final int maxCalls;

	LabGuard(LabProperties properties) {
		LabProperties.Guard guard = properties.guard();
		this.runs = new Guard("lab-runs", guard.runsPerSecond(), guard.maxRuns());
		this.compares = new Guard("lab-compares", guard.comparesPerSecond(), guard.maxCompares());
		this.maxCalls = properties.limits().maxTotalCallsInFlight();
		this.calls = new Semaphore(this.maxCalls);
	}

	/**
	 * Subscribes to {@code run} if the runs' rate limiter and bulkhead admit it and the
	 * lab has room for its {@code calls} in flight, holding the permits until it
	 * completes, fails or is cancelled.
	 * <p>
	 * Error: {@link LabBusy} (429 or 503) without subscribing to {@code run}.
	 */
	<T> Mono<T> run(Mono<T> run, int calls) {
		// the Mono takes the value and cancels the rest: the permits are given back then,
		// before the value travels on
		return Mono.from(guarded(this.runs, run, calls));
	}

	/**
	 * Like {@link #run(Mono, int)}, with the comparisons' limits.
	 */
	<T> Flux<T> comparison(Flux<T> comparison, int calls) {
		return guarded(this.compares, comparison, calls);
	}

	private <T> Flux<T> guarded(Guard guard, Publisher<T> work, int calls) {
		return Flux
			.defer(() -> holdingCalls(calls) ? Flux.from(work).doFinally((signal) -> this.calls.release(calls))
					: Flux.<T>error(callsRefusal(calls)))
			.transformDeferred(BulkheadOperator.of(guard.bulkhead))
			.transformDeferred(RateLimiterOperator.of(guard.rateLimiter))
			.onErrorMap(guard::refusal);
	}

	private boolean holdingCalls(int calls) {
		return this.calls.tryAcquire(calls);
	}

	private LabBusy callsRefusal(int calls) {
		return new LabBusy(HttpStatus.SERVICE_UNAVAILABLE, "Lab busy",
				"This request would hold up to " + calls + " backend calls in flight, and the lab's runs and"
						+ " comparisons hold " + (this.maxCalls - this.calls.availablePermits()) + " of at most "
						+ this.maxCalls + " (lab.limits.max-total-calls-in-flight); retry after the Retry-After"
						+ " seconds.");
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

		/**
		 * The problem a refusal of this guard's operators is answered with; any other
		 * error as it is (the demos' own limiters end in a run's timeline, never here).
		 */
		Throwable refusal(Throwable ex) {
			if (ex instanceof RequestNotPermitted) {
				return new LabBusy(HttpStatus.TOO_MANY_REQUESTS, "Too many lab requests",
						"The lab takes at most " + this.rateLimiter.getRateLimiterConfig().getLimitForPeriod()
								+ " of these requests per second; retry after the Retry-After seconds.");
			}
			if (ex instanceof BulkheadFullException) {
				return new LabBusy(HttpStatus.SERVICE_UNAVAILABLE, "Lab busy",
						"The lab runs at most " + this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
								+ " of these requests at once; retry after the Retry-After seconds.");
			}
			return ex;
		}

	}

}
