package dev.patterncatalog.lab.run;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Whether a measurement shows the pattern or the lab: {@code valid}, or {@code distorted}
 * with the reasons, from what the lab added to its calls and what the machine was doing
 * meanwhile.
 *
 * @param status {@code valid} or {@code distorted}
 * @param processCpu this process's share of all cores while it measured, 0 to 1
 * @param machineCpu the machine's CPU load meanwhile, 0 to 1 (-1 if unknown)
 * @param poolWaits the most calls seen waiting for a connection of the lab's pool at once
 * @param labFaults calls that failed for reasons of the lab's own
 * @param notes what the sample cannot tell, such as percentiles it is too small for
 */
public record Verdict(@Schema(example = "valid", allowableValues = {
		"valid", "distorted" }) String status, List<Reason> reasons, Overhead overhead,
		@JsonProperty("process_cpu") @Schema(example = "0.31") double processCpu,
		@JsonProperty("machine_cpu") @Schema(example = "0.42") double machineCpu,
		@JsonProperty("pool_waits") int poolWaits, @JsonProperty("lab_faults") long labFaults, List<String> notes){

	public static final String VALID = "valid";

	public static final String DISTORTED = "distorted";

	/**
	 * Counts this verdict in the {@code lab.verdicts} metric.
	 * @param kind {@code comparison} or {@code run}
	 */
	public void count(MeterRegistry meters, String demo, String kind) {
		Counter.builder("lab.verdicts")
			.description("Verdicts of the lab's comparisons and runs on their own figures")
			.tags("demo", demo, "kind", kind, "status", this.status)
			.register(meters)
			.increment();
	}

	/**
	 * This verdict with one more reason: distorted.
	 */
	public Verdict with(Reason reason) {
		List<Reason> more = new ArrayList<>(this.reasons);
		more.add(reason);
		return new Verdict(DISTORTED, List.copyOf(more), this.overhead, this.processCpu, this.machineCpu,
				this.poolWaits, this.labFaults, this.notes);
	}

	/**
	 * Why the figures cannot be trusted.
	 *
	 * @param code {@code overhead}, {@code pool-waits}, {@code cpu-saturated},
	 * {@code machine-busy}, {@code lab-faults} or {@code lab-cap}
	 */
	public record Reason(@Schema(example = "overhead") String code, String detail) {
	}

	/**
	 * What the lab added to the latency each backend call drew: the observed duration
	 * minus the drawn latency, over every call that waited for its answer.
	 */
	public record Overhead(@Schema(example = "300") long calls,
			@JsonProperty("p50_ms") @Schema(example = "0.12") @Nullable Double p50Ms,
			@JsonProperty("p99_ms") @Schema(example = "0.87") @Nullable Double p99Ms,
			@JsonProperty("max_ms") @Schema(example = "2.3") @Nullable Double maxMs) {
	}

}
