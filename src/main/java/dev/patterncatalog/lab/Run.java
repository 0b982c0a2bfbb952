package dev.patterncatalog.lab;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

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

	private final long startNanos;

	private final SplittableRandom random;

	private final Queue<CallRecord> calls = new ConcurrentLinkedQueue<>();

	private final Map<String, Object> facts = new TreeMap<>();

	private final AtomicInteger backendCalls = new AtomicInteger();

	/** Calls refused by resilience operators; -1 while the run has used none. */
	private final AtomicInteger rejected = new AtomicInteger(-1);

	Run(Backends backends, Transport transport, LongSupplier nanoClock, long seed) {
		this.backends = backends;
		this.transport = transport;
		this.nanoClock = nanoClock;
		this.startNanos = nanoClock.getAsLong();
		this.random = new SplittableRandom(seed);
	}

	/**
	 * Calls a backend once, bounded by {@code timeout}, and records the call.
	 * @param attempt the attempt number for the backend's {@code fail-first}, or 0
	 */
	public Mono<BackendReply> call(BackendSpec backend, int attempt, Duration timeout) {
		return record(backend.name(), Mono.defer(() -> {
			this.backendCalls.incrementAndGet();
			return this.backends.call(this.transport, backend, nextSeed(), attempt);
		}).timeout(timeout), (attempt > 0) ? "attempt " + attempt : null);
	}

	/**
	 * Records a call made some other way; a {@link TimeoutException} counts as a timeout.
	 */
	public <T> Mono<T> record(String label, Mono<T> call, @Nullable String detail) {
		return Mono.defer(() -> {
			long start = this.nanoClock.getAsLong();
			// the first signal decides: some operators cancel a source that has already
			// failed
			AtomicBoolean ended = new AtomicBoolean();
			return call.doOnSuccess((value) -> {
				if (ended.compareAndSet(false, true)) {
					end(label, start, Outcome.OK, detail);
				}
			}).doOnError((ex) -> {
				if (ended.compareAndSet(false, true)) {
					end(label, start, (ex instanceof TimeoutException) ? Outcome.TIMEOUT : Outcome.ERROR, describe(ex));
				}
			}).doOnCancel(() -> {
				if (ended.compareAndSet(false, true)) {
					end(label, start, Outcome.CANCELLED, detail);
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

	Timeline finish(String demo, String variant, long seed, @Nullable Throwable error, @Nullable Theory theory) {
		double total = elapsedMs();
		List<CallRecord> ordered = this.calls.stream().sorted(Comparator.comparingDouble(CallRecord::startMs)).toList();
		synchronized (this) {
			this.facts.put("backend_calls", this.backendCalls.get());
			if (this.rejected.get() >= 0) {
				this.facts.put("rejected", this.rejected.get());
			}
			return new Timeline(demo, variant, seed, this.transport, round(total), (error != null) ? "error" : "ok",
					(error != null) ? describe(error) : null, ordered, Map.copyOf(this.facts), theory);
		}
	}

	private synchronized long nextSeed() {
		return this.random.nextLong();
	}

	private void end(String label, long startNanos, Outcome outcome, @Nullable String detail) {
		double start = millis(startNanos);
		double end = millis(this.nanoClock.getAsLong());
		this.calls.add(new CallRecord(label, round(start), round(end), round(end - start), outcome, detail));
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
