package dev.patterncatalog.lab.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.patterncatalog.lab.LabProperties;
import org.HdrHistogram.Histogram;

/**
 * Adds up what the lab added to the backend calls of some runs, and judges from it and
 * from the load seen meanwhile whether their figures can be trusted. Not thread-safe:
 * runs are added one at a time.
 */
public final class CallOverhead {

	/** No call of the lab's limits takes an hour; microseconds, 3 digits. */
	private static final long HIGHEST_MICROS = 3_600_000_000L;

	private final Histogram micros = new Histogram(HIGHEST_MICROS, 3);

	/** The latencies the same calls drew, which the bounds scale with. */
	private final Histogram drawnMicros = new Histogram(HIGHEST_MICROS, 3);

	private final Set<String> faultSamples = new LinkedHashSet<>();

	private long faults;

	public void add(Timeline timeline) {
		for (CallRecord call : timeline.calls()) {
			if (call.overheadMs() != null && call.drawnMs() != null) {
				this.micros.recordValue(micros(call.overheadMs()));
				this.drawnMicros.recordValue(micros(call.drawnMs()));
			}
			if (call.labFault()) {
				this.faults++;
				if (this.faultSamples.size() < 3) {
					this.faultSamples.add(call.backend() + ": " + call.detail());
				}
			}
		}
	}

	public void add(CallOverhead other) {
		this.micros.add(other.micros);
		this.drawnMicros.add(other.drawnMicros);
		this.faults += other.faults;
		other.faultSamples.stream().limit(3 - this.faultSamples.size()).forEach(this.faultSamples::add);
	}

	public Verdict.Overhead overhead() {
		long calls = this.micros.getTotalCount();
		if (calls == 0) {
			return new Verdict.Overhead(0, null, null, null);
		}
		return new Verdict.Overhead(calls, ms(this.micros.getValueAtPercentile(50)),
				ms(this.micros.getValueAtPercentile(99)), ms(this.micros.getMaxValue()));
	}

	public Verdict judge(LabLoad.Seen seen, LabProperties limits, List<String> notes) {
		LabProperties.Measurement bounds = limits.measurement();
		Verdict.Overhead overhead = overhead();
		List<Verdict.Reason> reasons = new ArrayList<>();
		// a millisecond hides a 10 ms call's pattern, not a 200 ms call's: the bounds
		// grow with the latencies drawn
		double p50Bound = Math.max(bounds.maxOverheadP50().toNanos() / 1e6,
				bounds.maxOverheadShare() * ms(this.drawnMicros.getValueAtPercentile(50)));
		double p99Bound = Math.max(bounds.maxOverheadP99().toNanos() / 1e6,
				bounds.maxOverheadShare() * ms(this.drawnMicros.getValueAtPercentile(99)));
		if (overhead.calls() > 0 && (overhead.p50Ms() > p50Bound || overhead.p99Ms() > p99Bound)) {
			reasons.add(new Verdict.Reason("overhead",
					"The lab added " + overhead.p50Ms() + " ms per call at the median and " + overhead.p99Ms()
							+ " ms at p99 to the latencies the backends drew; the bounds were " + round(p50Bound)
							+ " and " + round(p99Bound) + " ms (lab.measurement.max-overhead-p50 and -p99, or "
							+ percent(bounds.maxOverheadShare()) + " of the drawn latency at the same percentile,"
							+ " lab.measurement.max-overhead-share, whichever is more). The figures include the"
							+ " lab's own cost."));
		}
		if (seen.poolWaits() > 0) {
			reasons.add(new Verdict.Reason("pool-waits",
					"Up to " + seen.poolWaits() + " calls at once waited for a"
							+ " connection of the lab's pool (lab.client.max-connections = "
							+ limits.client().maxConnections() + "): their wait is in the figures."));
		}
		if (seen.processCpu() >= bounds.maxCpu()) {
			reasons.add(new Verdict.Reason("cpu-saturated",
					"This process used " + percent(seen.processCpu()) + " of all cores (bound "
							+ percent(bounds.maxCpu())
							+ ", lab.measurement.max-cpu): calls waited for a core, not only for their backend."));
		}
		else if (seen.machineCpu() >= bounds.maxCpu()) {
			reasons.add(new Verdict.Reason("machine-busy",
					"The machine's cores were " + percent(seen.machineCpu()) + " busy (this process "
							+ percent(seen.processCpu()) + "): other programs competed with the lab for the CPU."));
		}
		if (this.faults > 0) {
			reasons.add(new Verdict.Reason("lab-faults", this.faults + " calls failed for reasons of the lab's own,"
					+ " not of the backends' models, for example " + String.join("; ", this.faultSamples) + "."));
		}
		return new Verdict(reasons.isEmpty() ? Verdict.VALID : Verdict.DISTORTED, List.copyOf(reasons), overhead,
				seen.processCpu(), seen.machineCpu(), seen.poolWaits(), this.faults, List.copyOf(notes));
	}

	private static String percent(double share) {
		return Math.round(share * 100) + " %";
	}

	private static long micros(double ms) {
		return Math.min(HIGHEST_MICROS, Math.max(0, Math.round(ms * 1000)));
	}

	private static double round(double ms) {
		return Math.round(ms * 100) / 100.0;
	}

	private static double ms(long micros) {
		return micros / 1000.0;
	}

}
