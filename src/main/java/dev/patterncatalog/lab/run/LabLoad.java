package dev.patterncatalog.lab.run;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import com.sun.management.OperatingSystemMXBean;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What the machine and the lab were doing while something was measured: this process's
 * share of all cores, the machine's, and the most calls that waited for a connection of
 * the lab's pool. One sampler, started at the first watch, reads the machine every
 * {@code 50 ms}; a watch only notes where the samples stood when it started, so watching
 * a run costs two reads.
 */
@Component
public final class LabLoad implements DisposableBean {

	private static final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final Duration SAMPLE_EVERY = Duration.ofMillis(50);

	/** The pool's waiting calls of the last 4 096 samples (about 3.4 minutes). */
	private final int[] pending = new int[4096];

	private final Backends backends;

	/** Written by the sampler's one thread only; read by the watches. */
	private volatile long samples;

	private volatile double machineSum;

	private volatile long machineSamples;

	private @Nullable Scheduler scheduler;

	private @Nullable Disposable sampling;

	public LabLoad(Backends backends) {
		this.backends = backends;
	}

	/**
	 * Starts watching.
	 * @param http whether the calls watched go through the lab's HTTP pool
	 */
	public Watch watch(boolean http) {
		startSampling();
		return new Watch(http);
	}

	private synchronized void startSampling() {
		if (this.sampling == null) {
			this.scheduler = Schedulers.newSingle("lab-load", true);
			this.sampling = Flux.interval(SAMPLE_EVERY, this.scheduler).subscribe((tick) -> sample());
		}
	}

	private void sample() {
		long index = this.samples;
		this.pending[(int) (index % this.pending.length)] = this.backends.poolWaits().pending();
		double load = os.getCpuLoad();
		if (load >= 0) {
			this.machineSum += load;
			this.machineSamples++;
		}
		this.samples = index + 1;
	}

	@Override
	public synchronized void destroy() {
		if (this.sampling != null) {
			this.sampling.dispose();
			this.scheduler.dispose();
		}
	}

	/**
	 * What was seen, from the start of a watch to its end.
	 *
	 * @param processCpu this process's CPU time over the elapsed time of all cores, 0 to
	 * 1
	 * @param machineCpu the machine's mean CPU load over the samples, 0 to 1, or -1 if
	 * none was taken
	 * @param poolWaits the most calls seen waiting for a connection at once
	 */
	public record Seen(double processCpu, double machineCpu, int poolWaits) {
	}

	public final class Watch {

		private final boolean http;

		private final long startNanos = System.nanoTime();

		private final long startCpuNanos = os.getProcessCpuTime();

		private final long startSample = LabLoad.this.samples;

		private final double startMachineSum = LabLoad.this.machineSum;

		private final long startMachineSamples = LabLoad.this.machineSamples;

		private final int startPending;

		private Watch(boolean http) {
			this.http = http;
			this.startPending = http ? LabLoad.this.backends.poolWaits().pending() : 0;
		}

		public Seen end() {
			long elapsed = Math.max(1, System.nanoTime() - this.startNanos);
			long cpu = os.getProcessCpuTime() - this.startCpuNanos;
			double share = (double) cpu / elapsed / Runtime.getRuntime().availableProcessors();
			long machineSamples = LabLoad.this.machineSamples - this.startMachineSamples;
			double machine = (machineSamples > 0) ? (LabLoad.this.machineSum - this.startMachineSum) / machineSamples
					: -1;
			int waits = 0;
			if (this.http) {
				waits = Math.max(this.startPending, LabLoad.this.backends.poolWaits().pending());
				long end = LabLoad.this.samples;
				for (long i = Math.max(this.startSample, end - LabLoad.this.pending.length); i < end; i++) {
					waits = Math.max(waits, LabLoad.this.pending[(int) (i % LabLoad.this.pending.length)]);
				}
			}
			return new Seen(Theories.round(Math.min(1, share)), (machine >= 0) ? Theories.round(machine) : -1, waits);
		}

	}

}
