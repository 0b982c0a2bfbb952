package dev.patterncatalog.lab.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * A percentile of a sample with its 95 % confidence interval, taken from order
 * statistics, so that it holds whatever the distribution: the true percentile lies
 * between the {@code low} and {@code high} ranked values of the sample in at least 95 %
 * of samples. A sample too small to bound it from both sides gives no value, and says how
 * many runs it needs.
 *
 * @param percentile the percentile, such as 99.9
 * @param ms its estimate, or absent when the sample cannot support it
 * @param needsRuns the smallest sample that can support it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Percentile(@Schema(example = "99") double percentile, @Schema(example = "201.4") @Nullable Double ms,
		@JsonProperty("low_ms") @Schema(example = "200.9") @Nullable Double lowMs,
		@JsonProperty("high_ms") @Schema(example = "203.1") @Nullable Double highMs,
		@JsonProperty("needs_runs") @Schema(example = "368") int needsRuns) {

	/** The share of samples the interval may miss on each side. */
	private static final double TAIL = 0.025;

	/**
	 * The percentile {@code percentile} of the values in {@code histogram}, recorded in
	 * microseconds.
	 */
	static Percentile of(Histogram histogram, double percentile) {
		double q = percentile / 100;
		int needs = needsRuns(q);
		long n = histogram.getTotalCount();
		if (n < needs) {
			return new Percentile(percentile, null, null, null, needs);
		}
		long[] ranks = ranks(n, q);
		return new Percentile(percentile, ms(histogram.getValueAtPercentile(percentile)), rank(histogram, ranks[0]),
				rank(histogram, ranks[1]), needs);
	}

	/**
	 * The smallest sample whose lowest value lies below the {@code q} quantile, and whose
	 * highest above it, with probability 1 - {@value #TAIL} each: {@code q^n} and
	 * {@code (1-q)^n} at most that tail.
	 */
	static int needsRuns(double q) {
		return (int) Math.ceil(Math.log(TAIL) / Math.log(Math.max(q, 1 - q)));
	}

	/**
	 * The 1-based ranks {@code l} and {@code u} of the interval: with {@code X} the
	 * number of the {@code n} values below the quantile, which is binomial, {@code l - 1}
	 * is the largest {@code k} with {@code P(X <= k) <= TAIL}, and {@code u - 1} the
	 * smallest with {@code P(X <= k) >= 1 - TAIL}.
	 */
	static long[] ranks(long n, double q) {
		double logQ = Math.log(q);
		double logNotQ = Math.log1p(-q);
		double logPmf = n * logNotQ;
		double cdf = 0;
		long low = 1;
		long high = n;
		for (long k = 0; k < n; k++) {
			cdf += Math.exp(logPmf);
			if (cdf <= TAIL) {
				low = k + 1;
			}
			if (cdf >= 1 - TAIL) {
				high = k + 1;
				break;
			}
			logPmf += Math.log(n - k) - Math.log(k + 1) + logQ - logNotQ;
		}
		return new long[] { low, high };
	}

	private static double rank(Histogram histogram, long rank) {
		return ms(histogram.getValueAtPercentile(100.0 * rank / histogram.getTotalCount()));
	}

	private static double ms(long micros) {
		return micros / 1000.0;
	}

}
