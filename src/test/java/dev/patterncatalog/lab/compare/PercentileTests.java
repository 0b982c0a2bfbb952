package dev.patterncatalog.lab.compare;

import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Percentiles with distribution-free confidence intervals: the minimum sample each needs,
 * the ranks of the interval, and that the interval covers the true percentile as often as
 * it claims.
 */
class PercentileTests {

	@ParameterizedTest
	@CsvSource({ "50, 6", "90, 36", "99, 368", "99.9, 3688" })
	void aPercentileNeedsASampleWhoseExtremesLieOnBothSidesOfIt(double percentile, int needs) {
		assertThat(Percentile.needsRuns(percentile / 100)).isEqualTo(needs);
	}

	@Test
	void theMedianOfSixIsBoundedByTheSmallestAndTheLargest() {
		// P(X = 0) = 1/64 <= 2.5 %, P(X <= 4) = 57/64 < 97.5 % <= P(X <= 5) = 63/64
		assertThat(Percentile.ranks(6, 0.5)).containsExactly(1, 6);
	}

	@Test
	void theMedianOfAHundredLiesBetweenTheFortiethAndTheSixtyFirstValues() {
		// the textbook interval for n = 100: ranks 40 and 61 (exact binomial, 95.6 %)
		assertThat(Percentile.ranks(100, 0.5)).containsExactly(40, 61);
	}

	@Test
	void aSampleTooSmallGivesNoValueButSaysWhatItNeeds() {
		Histogram histogram = histogram(1_000, 1, 367);

		Percentile p99 = Percentile.of(histogram, 99);

		assertThat(p99.ms()).isNull();
		assertThat(p99.lowMs()).isNull();
		assertThat(p99.needsRuns()).isEqualTo(368);
		assertThat(Percentile.of(histogram(1_000, 1, 368), 99).ms()).isNotNull();
	}

	@Test
	void theIntervalHoldsTheEstimateAndCoversTheTruePercentileAtLeastAsOftenAsItClaims() {
		// uniform values from 0 to 100 ms: the true p90 is 90 ms
		SplittableRandom random = new SplittableRandom(7);
		int covered = 0;
		int samples = 400;
		for (int sample = 0; sample < samples; sample++) {
			Histogram histogram = new Histogram(3_600_000_000L, 3);
			for (int i = 0; i < 200; i++) {
				histogram.recordValue(Math.round(random.nextDouble() * 100_000));
			}
			Percentile p90 = Percentile.of(histogram, 90);
			assertThat(p90.lowMs()).isLessThanOrEqualTo(p90.ms());
			assertThat(p90.highMs()).isGreaterThanOrEqualTo(p90.ms());
			if (p90.lowMs() <= 90 && 90 <= p90.highMs()) {
				covered++;
			}
		}
		// at least 95 % in theory; 400 samples leave room for about two points of chance
		assertThat(covered).isGreaterThanOrEqualTo(372);
	}

	private static Histogram histogram(long seed, int fromMs, int count) {
		Histogram histogram = new Histogram(3_600_000_000L, 3);
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < count; i++) {
			histogram.recordValue(fromMs * 1000L + random.nextInt(100_000));
		}
		return histogram;
	}

}
