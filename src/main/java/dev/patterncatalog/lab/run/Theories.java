package dev.patterncatalog.lab.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.SplittableRandom;

import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.backend.LatencyModel;

/**
 * Expected latencies derived from backend models.
 */
public final class Theories {

	private static final int DRAWS = 10_000;

	/**
	 * Estimates by model list: a comparison asks for the same one at every run. Bounded
	 * by the lab's backends.
	 */
	private static final Map<List<LatencyModel>, Theory> EXPECTED_MAX = new ConcurrentHashMap<>();

	private Theories() {
	}

	public static Theory sequential(List<BackendSpec> backends) {
		double sum = backends.stream().mapToDouble((b) -> b.latency().meanMs()).sum();
		return new Theory("total_ms", round(sum), "sum of the backends' mean latencies");
	}

	/**
	 * The expected slowest of independent calls: exact for fixed latencies, estimated
	 * from seeded draws otherwise.
	 */
	public static Theory parallel(List<BackendSpec> backends) {
		if (EXPECTED_MAX.size() > 1000) {
			// requests choose the lists, so the cache must not grow without bound
			EXPECTED_MAX.clear();
		}
		return EXPECTED_MAX.computeIfAbsent(backends.stream().map(BackendSpec::latency).toList(),
				Theories::expectedMax);
	}

	private static Theory expectedMax(List<LatencyModel> models) {
		if (models.stream().allMatch(LatencyModel.Fixed.class::isInstance)) {
			return new Theory("total_ms", round(models.stream().mapToDouble(LatencyModel::meanMs).max().orElse(0)),
					"max of the backends' latencies");
		}
		SplittableRandom random = new SplittableRandom(1);
		double total = 0;
		for (int i = 0; i < DRAWS; i++) {
			double max = 0;
			for (LatencyModel model : models) {
				max = Math.max(max, model.sample(random).toNanos() / 1e6);
			}
			total += max;
		}
		return new Theory("total_ms", round(total / DRAWS),
				"expected max of the backends' latencies, from " + DRAWS + " draws of their models");
	}

	/**
	 * A number as a person writes it: {@code 99.9}, {@code 50} rather than {@code 50.0}.
	 */
	public static String format(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	public static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
