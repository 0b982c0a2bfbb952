package dev.patterncatalog.lab;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.patterncatalog.lab.backend.BackendParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the latency lab.
 *
 * @param backends named simulated backends, each given by the same parameters as a call
 * to the backend endpoint (for example
 * {@code model: tail, base: 10, slow: 1000, p: 0.01}); one that does not hold together
 * stops the startup, naming its property
 * @param baseUrl where demos send backend calls over HTTP: another process's backend
 * server (for example one started with the {@code backends} profile); by default this
 * service's own backend server, over loopback
 */
@ConfigurationProperties("lab")
@Validated
public record LabProperties(@DefaultValue @Valid @NotNull Limits limits,
		@DefaultValue @NotNull Map<String, @Valid BackendParameters> backends, @Nullable URI baseUrl,
		@DefaultValue @Valid @NotNull Guard guard, @DefaultValue @Valid @NotNull Client client,
		@DefaultValue @Valid @NotNull BackendServer backendServer,
		@DefaultValue @Valid @NotNull Measurement measurement) {

	/**
	 * Bounds of every lab parameter, so that no request can ask for unbounded work.
	 *
	 * @param maxHang how long a hanging backend keeps a call before the server gives up
	 * on it
	 * @param maxCallsInFlight backend calls one comparison or run may have in flight at
	 * once (its concurrency times its calls per run)
	 * @param maxTotalCallsInFlight backend calls all comparisons and runs together may
	 * have in flight; a request that would pass it is refused with 503
	 * @param maxComparisonDuration how long a comparison may take, its answer's delivery
	 * included; then it ends with an error and frees its permit
	 * @param maxRate the most runs per second an open-model comparison may ask for
	 */
	public record Limits(@DefaultValue("30s") @NotNull Duration maxDelay, @DefaultValue("100") @Min(1) int maxFanOut,
			@DefaultValue("10000") @Min(1) int maxRuns, @DefaultValue("1000") @Min(1) int maxConcurrency,
			@DefaultValue("60s") @NotNull Duration maxHang, @DefaultValue("2000") @Min(1) int maxCallsInFlight,
			@DefaultValue("4000") @Min(1) int maxTotalCallsInFlight,
			@DefaultValue("3m") @NotNull Duration maxComparisonDuration, @DefaultValue("2000") @Min(1) int maxRate) {

		/**
		 * How long a demo's call without a timeout of its own may run: past any latency a
		 * backend may have.
		 */
		public Duration safetyCap() {
			return this.maxDelay.plusSeconds(5);
		}

	}

	/**
	 * Protection of the lab endpoints against crowds: a rate limit and a bound on
	 * concurrent requests, stricter for comparisons, which run many demos each.
	 */
	public record Guard(@DefaultValue("5000") @Min(1) int runsPerSecond, @DefaultValue("2000") @Min(1) int maxRuns,
			@DefaultValue("5") @Min(1) int comparesPerSecond, @DefaultValue("4") @Min(1) int maxCompares) {
	}

	/**
	 * The HTTP client demos call backends with.
	 *
	 * @param warmupCalls calls made at start, so that the first comparison finds its
	 * connections open and its code compiled
	 */
	public record Client(@DefaultValue("4000") @Min(1) int maxConnections,
			@DefaultValue("10s") @NotNull Duration pendingAcquireTimeout,
			@DefaultValue("200") @Min(0) int warmupCalls) {
	}

	/**
	 * The simulated backends' own HTTP server, which the lab's calls over HTTP go to:
	 * they stand in for remote services, so they get a server of their own.
	 *
	 * @param port 0 for any free port (the lab finds it); the {@code backends} profile
	 * sets 8081
	 */
	public record BackendServer(@DefaultValue("127.0.0.1") @NotBlank String host,
			@DefaultValue("0") @Min(0) @Max(65535) int port, @DefaultValue("1") @Min(1) int threads) {
	}

	/**
	 * How comparisons measure, and when they call their own figures distorted.
	 *
	 * @param warmupRuns runs of each variant made and discarded before measuring
	 * @param maxOverheadP50 the lab's median overhead per call beyond which its figures
	 * are distorted
	 * @param maxOverheadP99 the same for the 99th percentile
	 * @param maxOverheadShare the share of the calls' drawn latency (at the same
	 * percentile) the lab may add, where that is more than the two bounds above
	 * @param maxCpu the share of all cores this process may use during a comparison
	 * before its figures count as distorted
	 */
	public record Measurement(@DefaultValue("10") @Min(0) @Max(1000) int warmupRuns,
			@DefaultValue("1ms") @NotNull Duration maxOverheadP50,
			@DefaultValue("5ms") @NotNull Duration maxOverheadP99,
			@DefaultValue("0.02") @DecimalMin("0") @DecimalMax("1.0") double maxOverheadShare,
			@DefaultValue("0.9") @DecimalMin("0.1") @DecimalMax("1.0") double maxCpu) {
	}

}
