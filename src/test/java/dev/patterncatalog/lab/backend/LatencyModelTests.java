package dev.patterncatalog.lab.backend;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyModelTests {

	private static double[] draws(LatencyModel model, int count) {
		SplittableRandom random = new SplittableRandom(42);
		double[] draws = new double[count];
		for (int i = 0; i < count; i++) {
			draws[i] = model.sample(random).toNanos() / 1e6;
		}
		Arrays.sort(draws);
		return draws;
	}

	private static double mean(double[] draws) {
		return Arrays.stream(draws).average().orElseThrow();
	}

	private static double percentile(double[] sorted, double q) {
		return sorted[(int) Math.ceil(q * sorted.length) - 1];
	}

	@Test
	void fixedIsAlwaysTheSame() {
		double[] draws = draws(new LatencyModel.Fixed(200), 100);
		assertThat(draws[0]).isEqualTo(200);
		assertThat(draws[99]).isEqualTo(200);
		assertThat(new LatencyModel.Fixed(200).quantileMs(0.95)).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.05, 0.5, 0.9, 0.95, 0.99 })
	void eachModelsQuantileFromItsFormulaIsWhereItsDrawsPutIt(double q) {
		for (LatencyModel model : new LatencyModel[] { new LatencyModel.Fixed(200), new LatencyModel.Uniform(100, 300),
				new LatencyModel.Normal(200, 20), new LatencyModel.Normal(10, 20), new LatencyModel.LogNormal(20, 200),
				new LatencyModel.Tail(10, 1000, 0.08), new LatencyModel.Tail(500, 5, 0.3) }) {
			double[] draws = draws(model, 200_000);
			double drawn = percentile(draws, q);
			assertThat(model.quantileMs(q)).as("%s at %s", model, q)
				.isCloseTo(drawn, within(Math.max(0.5, 0.02 * drawn)));
		}
	}

	@Test
	void uniformStaysWithinItsBoundsAroundItsMean() {
		LatencyModel model = new LatencyModel.Uniform(100, 300);
		double[] draws = draws(model, 50_000);
		assertThat(draws[0]).isGreaterThanOrEqualTo(100);
		assertThat(draws[draws.length - 1]).isLessThan(300);
		assertThat(mean(draws)).isCloseTo(model.meanMs(), within(2.0));
	}

	@Test
	void normalHasItsMeanAndSpread() {
		double[] draws = draws(new LatencyModel.Normal(200, 20), 50_000);
		assertThat(mean(draws)).isCloseTo(200, within(1.0));
		assertThat(percentile(draws, 0.8413) - percentile(draws, 0.5)).isCloseTo(20, within(1.0));
	}

	@Test
	void logNormalHasTheGivenMedianAndP99() {
		LatencyModel model = new LatencyModel.LogNormal(50, 400);
		double[] draws = draws(model, 100_000);
		assertThat(percentile(draws, 0.5)).isCloseTo(50, within(1.5));
		assertThat(percentile(draws, 0.99)).isCloseTo(400, within(25.0));
		assertThat(mean(draws)).isCloseTo(model.meanMs(), within(model.meanMs() * 0.03));
	}

	@Test
	void tailIsSlowWithTheGivenProbability() {
		double[] draws = draws(new LatencyModel.Tail(10, 1000, 0.01), 100_000);
		long slow = Arrays.stream(draws).filter((d) -> d == 1000).count();
		assertThat(slow / 100_000.0).isCloseTo(0.01, within(0.002));
		assertThat(Arrays.stream(draws).allMatch((d) -> d == 10 || d == 1000)).isTrue();
	}

	@Test
	void theSameSeedRepeatsTheSameDraws() {
		LatencyModel model = new LatencyModel.LogNormal(20, 200);
		assertThat(draws(model, 1000)).isEqualTo(draws(model, 1000));
	}

}
