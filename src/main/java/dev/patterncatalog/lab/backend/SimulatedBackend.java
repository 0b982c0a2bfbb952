package dev.patterncatalog.lab.backend;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One named backend: answers calls after a latency drawn from a model, fails some as its
 * failure model says, and counts every call. A call is a timer, not a thread: cancelling
 * it disposes the timer and counts it as cancelled.
 */
public final class SimulatedBackend {

	private final String name;

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicLong inFlight = new AtomicLong();

	private final AtomicLong started = new AtomicLong();

	private final AtomicLong completed = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong cancelled = new AtomicLong();

	private final Counter completedCounter;

	private final Counter failedCounter;

	private final Counter cancelledCounter;

	private final MeterRegistry meters;

	private final Gauge inFlightGauge;

	SimulatedBackend(String name, MeterRegistry meters) {
		this.name = name;
		this.meters = meters;
		this.completedCounter = counter(meters, "completed");
		this.failedCounter = counter(meters, "failed");
		this.cancelledCounter = counter(meters, "cancelled");
		this.inFlightGauge = Gauge.builder("lab.backend.in.flight", this.inFlight, AtomicLong::get)
			.description("Calls of a simulated backend in flight")
			.tag("backend", name)
			.register(meters);
	}

	/**
	 * Removes this backend's meters, once the registry has forgotten it.
	 */
	void unregister() {
		for (Meter meter : List.of(this.completedCounter, this.failedCounter, this.cancelledCounter,
				this.inFlightGauge)) {
			this.meters.remove(meter);
		}
	}

	private Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder("lab.backend.calls")
			.description("Calls of a simulated backend, by how they ended")
			.tag("backend", this.name)
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * Answers one call: after a latency drawn from {@code spec}, with a reply or a
	 * {@link BackendFailed} error. A hanging backend never answers; {@code maxHang} only
	 * bounds how long the server keeps such a call.
	 * @param seed the seed of this call's draws, so that a run can be repeated
	 * @param attempt the attempt number for {@code fail-first}, or 0 to count this
	 * backend's calls
	 */
	public Mono<BackendReply> call(BackendSpec spec, long seed, int attempt, Duration maxHang) {
		return Mono.defer(() -> {
			int number = (attempt > 0) ? attempt : this.attempts.incrementAndGet();
			SplittableRandom random = new SplittableRandom(seed);
			Duration latency = spec.latency().sample(random);
			boolean fails = spec.failure().fails(number, random.nextDouble());
			this.started.incrementAndGet();
			this.inFlight.incrementAndGet();
			Mono<Long> wait = spec.failure().hang() ? Mono.<Long>never()
				.timeout(maxHang, Mono.error(() -> new TimeoutException("hung for " + maxHang.toMillis() + " ms")))
					: Mono.delay(latency);
			Mono<BackendReply> answer = fails
					? Mono.error(() -> new BackendFailed(this.name, spec.failure().errorStatus(),
							"Simulated failure of call " + number + " after " + latency.toMillis() + " ms."))
					: Mono.fromSupplier(() -> new BackendReply(this.name, latency.toNanos() / 1e6, number));
			// counted as the outcome happens, before it travels on: a caller that reads
			// the
			// stats right after its answer sees the call counted
			AtomicBoolean counted = new AtomicBoolean();
			Consumer<SignalType> count = (signal) -> {
				if (counted.compareAndSet(false, true)) {
					finished(signal);
				}
			};
			return wait.then(answer)
				.doOnSuccess((reply) -> count.accept(SignalType.ON_COMPLETE))
				.doOnError((ex) -> count.accept(SignalType.ON_ERROR))
				.doOnCancel(() -> count.accept(SignalType.CANCEL));
		});
	}

	private void finished(SignalType signal) {
		if (signal == SignalType.ON_COMPLETE) {
			this.completed.incrementAndGet();
			this.completedCounter.increment();
		}
		else if (signal == SignalType.ON_ERROR) {
			this.failed.incrementAndGet();
			this.failedCounter.increment();
		}
		else {
			this.cancelled.incrementAndGet();
			this.cancelledCounter.increment();
		}
		this.inFlight.decrementAndGet();
	}

	public BackendStats stats() {
		return new BackendStats(this.name, this.inFlight.get(), this.started.get(), this.completed.get(),
				this.failed.get(), this.cancelled.get());
	}

}
