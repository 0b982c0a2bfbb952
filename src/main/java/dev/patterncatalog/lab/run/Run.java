package dev.patterncatalog.lab.run;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.patterncatalog.lab.backend.BackendFailed;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * One run of a demo: makes its backend calls and records each one with its offsets and
 * outcome. Seeds of the calls come from the run's seed, in the order the calls start, so
 * a run can be repeated.
 */
public final class Run {

	private final Backends backends;

	private final Transport transport;

	private final LongSupplier nanoClock;

	private final double faultMarginMs;

	private final long startNanos;

	private final SplittableRandom random;

	private final Queue<CallRecord> calls = new ConcurrentLinkedQueue<>();

	private final Map<String, Object> facts = new TreeMap<>();

	private final AtomicInteger backendCalls = new AtomicInteger();

	/** Calls refused by resilience operators; -1 while the run has used none. */
	private final AtomicInteger rejected = new AtomicInteger(-1);

	private final ConcurrentMap<String, Object> shared;

	/**
	 * @param faultMarginMs how much sooner than its timeout a call must have been due for
	 * its timeout to be the lab's fault
	 */
	public Run(Backends backends, Transport transport, LongSupplier nanoClock, long seed, double faultMarginMs) {
		this(backends, transport, nanoClock, seed, faultMarginMs, new ConcurrentHashMap<>());
	}

	/**
	 * @param shared what this run shares with other runs, see {@link #shared}
	 */
	public Run(Backends backends, Transport transport, LongSupplier nanoClock, long seed, double faultMarginMs,
			ConcurrentMap<String, Object> shared) {
		this.shared = shared;
		this.backends = backends;
		this.faultMarginMs = faultMarginMs;
		this.transport = transport;
		this.nanoClock = nanoClock;
		this.startNanos = nanoClock.getAsLong();
		this.random = new SplittableRandom(seed);
	}

	/**
	 * Calls a backend once, bounded by {@code timeout}, and records the call with the
	 * latency the backend draws for it (the same draw from the same seed).
	 * @param attempt the attempt number for the backend's {@code fail-first}, or 0
	 */
	public Mono<BackendReply> call(BackendSpec backend, int attempt, Duration timeout) {
		return call(backend, attempt, timeout, (attempt > 0) ? "attempt " + attempt : null);
	}

	/**
	 * Calls a backend once, as {@link #call(BackendSpec, int, Duration)} does, its record
	 * saying what the call was, such as {@code hedge}.
	 */
	public Mono<BackendReply> call(BackendSpec backend, int attempt, Duration timeout, @Nullable String detail) {
		return Mono.defer(() -> {
			long seed = nextSeed();
			Double drawn = backend.failure().hang() ? null
					: backend.latency().sample(new SplittableRandom(seed)).toNanos() / 1e6;
			Mono<BackendReply> call = Mono.defer(() -> {
				this.backendCalls.incrementAndGet();
				return this.backends.call(this.transport, backend, seed, attempt);
			}).timeout(timeout);
			return record(backend.name(), call, detail, drawn, timeout);
		});
	}

	/**
	 * Records a call made some other way; a {@link TimeoutException} counts as a timeout.
	 */
	public <T> Mono<T> record(String label, Mono<T> call, @Nullable String detail) {
		return record(label, call, detail, null, null);
	}

	private <T> Mono<T> record(String label, Mono<T> call, @Nullable String detail, @Nullable Double drawn,
			@Nullable Duration timeout) {
		return Mono.defer(() -> {
			long start = this.nanoClock.getAsLong();
			// the first signal decides: some operators cancel a source that has already
			// failed
			AtomicBoolean ended = new AtomicBoolean();
			return call.doOnSuccess((value) -> {
				if (ended.compareAndSet(false, true)) {
					end(label, start, Outcome.OK, detail, drawn, false);
				}
			}).doOnError((ex) -> {
				if (ended.compareAndSet(false, true)) {
					boolean timedOut = ex instanceof TimeoutException;
					// a timeout the drawn latency explains is the demo's point; any other
					// is the lab's
					boolean fault = timedOut
							? (drawn != null && timeout != null && drawn < timeout.toNanos() / 1e6 - this.faultMarginMs)
							: !(ex instanceof BackendFailed);
					end(label, start, timedOut ? Outcome.TIMEOUT : Outcome.ERROR, describe(ex),
							(ex instanceof BackendFailed) ? drawn : null, fault && drawn != null);
				}
			}).doOnCancel(() -> {
				if (ended.compareAndSet(false, true)) {
					end(label, start, Outcome.CANCELLED, detail, null, false);
				}
			});
		});
	}

	/**
	 * Records that a default value stood in for an answer.
	 */
	public void fallback(String label, String detail) {
		end(label, this.nanoClock.getAsLong(), Outcome.FALLBACK, detail);
	}

	/**
	 * Applies a resilience operator to a call. A call the operator refuses with
	 * {@code refusal} never reaches the backend: it is recorded as a rejected call of no
	 * duration, and counted in the fact {@code rejected}.
	 */
	public <T> Mono<T> guarded(String label, Mono<T> call, UnaryOperator<Publisher<T>> operator,
			Class<? extends Throwable> refusal) {
		this.rejected.compareAndSet(-1, 0);
		return call.transformDeferred(operator).doOnError(refusal, (ex) -> {
			this.rejected.incrementAndGet();
			end(label, this.nanoClock.getAsLong(), Outcome.ERROR, "rejected: " + describe(ex));
		});
	}

	/**
	 * Something this run shares with the other runs of its scope, made by {@code make}
	 * the first time any of them asks for {@code key}. A run's scope is its own, except
	 * in the open model, where the runs of a variant stand for requests arriving at one
	 * service and share its state: its bulkhead, its rate limiter.
	 */
	@SuppressWarnings("unchecked")
	public <T> T shared(String key, Supplier<T> make) {
		return (T) this.shared.computeIfAbsent(key, (name) -> make.get());
	}

	/**
	 * Notes something this run established, such as {@code hedged: true}.
	 */
	public synchronized void fact(String name, Object value) {
		this.facts.put(name, value);
	}

	/**
	 * Milliseconds since the run started.
	 */
	public double elapsedMs() {
		return millis(this.nanoClock.getAsLong());
	}

	public Timeline finish(String demo, String variant, long seed, @Nullable Throwable error, @Nullable Theory theory) {
		double total = elapsedMs();
		List<CallRecord> ordered = this.calls.stream().sorted(Comparator.comparingDouble(CallRecord::startMs)).toList();
		synchronized (this) {
			this.facts.put("backend_calls", this.backendCalls.get());
			if (this.rejected.get() >= 0) {
				this.facts.put("rejected", this.rejected.get());
			}
			return new Timeline(demo, variant, seed, this.transport, round(total), (error != null) ? "error" : "ok",
					(error != null) ? describe(error) : null, ordered,
					// in the names' order: Map.copyOf would answer them in an order that
					// changes run to run
					Collections.unmodifiableMap(new TreeMap<>(this.facts)), theory, null);
		}
	}

	private synchronized long nextSeed() {
		return this.random.nextLong();
	}

	private void end(String label, long startNanos, Outcome outcome, @Nullable String detail) {
		end(label, startNanos, outcome, detail, null, false);
	}

	/**
	 * @param waited the latency drawn for a call that waited for it (answered, or failed
	 * as simulated), whose overhead is then known
	 */
	private void end(String label, long startNanos, Outcome outcome, @Nullable String detail, @Nullable Double waited,
			boolean labFault) {
		double start = millis(startNanos);
		double end = millis(this.nanoClock.getAsLong());
		Double overhead = (waited != null) ? round(end - start - waited) : null;
		this.calls.add(new CallRecord(label, round(start), round(end), round(end - start), outcome, detail,
				(waited != null) ? round(waited) : null, overhead, labFault));
	}

	private double millis(long nanos) {
		return (nanos - this.startNanos) / 1e6;
	}

	private static double round(double ms) {
		return Math.round(ms * 1000) / 1000.0;
	}

	static String describe(Throwable ex) {
		if (ex instanceof TimeoutException) {
			return "no answer in time; the call was abandoned and cancelled";
		}
		String message = ex.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

}
