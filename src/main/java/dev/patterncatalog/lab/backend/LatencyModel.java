package dev.patterncatalog.lab.backend;

import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How long a simulated backend takes to answer: a distribution sampled once per call. In
 * JSON, {@code model} names the distribution, as the request parameter of that name does.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({ @JsonSubTypes.Type(value = LatencyModel.Fixed.class, name = "fixed"),
		@JsonSubTypes.Type(value = LatencyModel.Uniform.class, name = "uniform"),
		@JsonSubTypes.Type(value = LatencyModel.Normal.class, name = "normal"),
		@JsonSubTypes.Type(value = LatencyModel.LogNormal.class, name = "lognormal"),
		@JsonSubTypes.Type(value = LatencyModel.Tail.class, name = "tail") })
@Schema(discriminatorProperty = "model",
		discriminatorMapping = { @DiscriminatorMapping(value = "fixed", schema = LatencyModel.Fixed.class),
				@DiscriminatorMapping(value = "uniform", schema = LatencyModel.Uniform.class),
				@DiscriminatorMapping(value = "normal", schema = LatencyModel.Normal.class),
				@DiscriminatorMapping(value = "lognormal", schema = LatencyModel.LogNormal.class),
				@DiscriminatorMapping(value = "tail", schema = LatencyModel.Tail.class) })
public sealed interface LatencyModel {

	/** The z-score of the 99th percentile of a standard normal distribution. */
	double Z99 = 2.3263478740408408;

	/**
	 * Draws one latency.
	 */
	Duration sample(RandomGenerator random);

	/**
	 * The expected latency in milliseconds.
	 */
	double meanMs();

	/**
	 * A short description such as {@code fixed(200 ms)}.
	 */
	String describe();

	/**
	 * The parameters of this model as they are given in a request, such as
	 * {@code model=tail&base=10&slow=1000&p=0.01}.
	 */
	Map<String, String> parameters();

	/**
	 * The latency below which fraction {@code q} of calls finish, from the distribution's
	 * own formula.
	 * @param q from 0 to 1, both excluded
	 */
	double quantileMs(double q);

	/** The standard normal distribution's quantile: how many deviations {@code q} is. */
	private static double z(double q) {
		return NormalDistribution.of(0, 1).inverseCumulativeProbability(q);
	}

	private static Duration millis(double ms) {
		return Duration.ofNanos(Math.round(Math.max(0, ms) * 1e6));
	}

	private static String ms(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	/**
	 * Always the same latency.
	 */
	record Fixed(@JsonProperty("delay_ms") double delayMs) implements LatencyModel {

		@Override
		public Duration sample(RandomGenerator random) {
			return millis(this.delayMs);
		}

		@Override
		public double meanMs() {
			return this.delayMs;
		}

		@Override
		public double quantileMs(double q) {
			return this.delayMs;
		}

		@Override
		public String describe() {
			return "fixed(" + ms(this.delayMs) + " ms)";
		}

		@Override
		public Map<String, String> parameters() {
			return Map.of("model", "fixed", "delay", ms(this.delayMs));
		}

	}

	/**
	 * Any latency between two bounds, equally likely.
	 */
	record Uniform(@JsonProperty("min_ms") double minMs, @JsonProperty("max_ms") double maxMs) implements LatencyModel {

		@Override
		public Duration sample(RandomGenerator random) {
			return millis(this.minMs + (this.maxMs - this.minMs) * random.nextDouble());
		}

		@Override
		public double meanMs() {
			return (this.minMs + this.maxMs) / 2;
		}

		@Override
		public double quantileMs(double q) {
			return this.minMs + q * (this.maxMs - this.minMs);
		}

		@Override
		public String describe() {
			return "uniform(" + ms(this.minMs) + ".." + ms(this.maxMs) + " ms)";
		}

		@Override
		public Map<String, String> parameters() {
			return Map.of("model", "uniform", "min", ms(this.minMs), "max", ms(this.maxMs));
		}

	}

	/**
	 * A bell curve around a mean; draws below zero are taken as zero.
	 */
	record Normal(@JsonProperty("mean_ms") double meanMs, @JsonProperty("sd_ms") double sdMs) implements LatencyModel {

		@Override
		public Duration sample(RandomGenerator random) {
			return millis(this.meanMs + this.sdMs * random.nextGaussian());
		}

		@Override
		public double quantileMs(double q) {
			// the draws below zero count as zero, which leaves the quantiles above it as
			// they are
			return Math.max(0, this.meanMs + this.sdMs * z(q));
		}

		@Override
		public String describe() {
			return "normal(mean " + ms(this.meanMs) + " ms, sd " + ms(this.sdMs) + " ms)";
		}

		@Override
		public Map<String, String> parameters() {
			return Map.of("model", "normal", "mean", ms(this.meanMs), "sd", ms(this.sdMs));
		}

	}

	/**
	 * A right-skewed distribution, as real service latencies usually are, given by its
	 * median and 99th percentile.
	 */
	record LogNormal(@JsonProperty("median_ms") double medianMs,
			@JsonProperty("p99_ms") double p99Ms) implements LatencyModel {

		private double mu() {
			return Math.log(this.medianMs);
		}

		private double sigma() {
			return (Math.log(this.p99Ms) - mu()) / Z99;
		}

		@Override
		public Duration sample(RandomGenerator random) {
			return millis(Math.exp(mu() + sigma() * random.nextGaussian()));
		}

		@Override
		public double meanMs() {
			return Math.exp(mu() + sigma() * sigma() / 2);
		}

		@Override
		public double quantileMs(double q) {
			return Math.exp(mu() + sigma() * z(q));
		}

		@Override
		public String describe() {
			return "lognormal(median " + ms(this.medianMs) + " ms, p99 " + ms(this.p99Ms) + " ms)";
		}

		@Override
		public Map<String, String> parameters() {
			return Map.of("model", "lognormal", "median", ms(this.medianMs), "p99", ms(this.p99Ms));
		}

	}

	/**
	 * Usually fast, sometimes very slow: a base latency, and with probability {@code p} a
	 * slow one instead.
	 */
	record Tail(@JsonProperty("base_ms") double baseMs, @JsonProperty("slow_ms") double slowMs,
			double p) implements LatencyModel {

		@Override
		public Duration sample(RandomGenerator random) {
			return millis((random.nextDouble() < this.p) ? this.slowMs : this.baseMs);
		}

		@Override
		public double meanMs() {
			return this.baseMs * (1 - this.p) + this.slowMs * this.p;
		}

		@Override
		public double quantileMs(double q) {
			// two values: the smaller holds its own share of the calls
			double low = Math.min(this.baseMs, this.slowMs);
			double lowShare = (low == this.baseMs) ? 1 - this.p : this.p;
			return (q <= lowShare) ? low : Math.max(this.baseMs, this.slowMs);
		}

		@Override
		public String describe() {
			return "tail(" + ms(this.baseMs) + " ms, " + ms(this.p * 100) + " % at " + ms(this.slowMs) + " ms)";
		}

		@Override
		public Map<String, String> parameters() {
			return Map.of("model", "tail", "base", ms(this.baseMs), "slow", ms(this.slowMs), "p", ms(this.p));
		}

	}

}
