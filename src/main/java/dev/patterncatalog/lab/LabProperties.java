package dev.patterncatalog.lab;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the latency lab.
 *
 * @param backends named simulated backends, each given by the same parameters as the
 * backend endpoint takes (for example {@code model: tail, base: 10, slow: 1000, p: 0.01})
 * @param baseUrl where demos send backend calls; by default this service itself, over
 * loopback
 */
@ConfigurationProperties("lab")
@Validated
public record LabProperties(@DefaultValue @Valid @NotNull Limits limits,
		@DefaultValue @NotNull Map<String, Map<String, String>> backends, @Nullable URI baseUrl,
		@DefaultValue @Valid @NotNull Guard guard, @DefaultValue @Valid @NotNull Client client) {

	/**
	 * Bounds of every lab parameter, so that no request can ask for unbounded work.
	 *
	 * @param maxHang how long a hanging backend keeps a call before the server gives up
	 * on it
	 */
	public record Limits(@DefaultValue("30s") @NotNull Duration maxDelay, @DefaultValue("100") @Min(1) int maxFanOut,
			@DefaultValue("10000") @Min(1) int maxRuns, @DefaultValue("1000") @Min(1) int maxConcurrency,
			@DefaultValue("60s") @NotNull Duration maxHang) {
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
	 */
	public record Client(@DefaultValue("4000") @Min(1) int maxConnections,
			@DefaultValue("10s") @NotNull Duration pendingAcquireTimeout) {
	}

}
