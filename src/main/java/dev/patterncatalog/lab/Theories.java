package dev.patterncatalog.lab;

import java.util.List;
import java.util.SplittableRandom;

import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.backend.LatencyModel;

/**
 * Expected latencies derived from backend models.
 */
final class Theories {

	private static final int DRAWS = 10_000;

	private Theories() {
	}

	static Theory sequential(List<BackendSpec> backends) {
		double sum = backends.stream().mapToDouble((b) -> b.latency().meanMs()).sum();
		return new Theory("total_ms", round(sum), "sum of the backends' mean latencies");
	}

	/**
	 * The expected slowest of independent calls: exact for fixed latencies, estimated
	 * from seeded draws otherwise.
	 */
	static Theory parallel(List<BackendSpec> backends) {
		List<LatencyModel> models = backends.stream().map(BackendSpec::latency).toList();
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

	static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
