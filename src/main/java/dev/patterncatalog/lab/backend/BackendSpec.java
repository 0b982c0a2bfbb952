package dev.patterncatalog.lab.backend;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.patterncatalog.system.InvalidParameter;
import dev.patterncatalog.system.QueryParameters;
import org.jspecify.annotations.Nullable;

/**
 * A simulated backend: its name, latency model and failure model.
 */
public record BackendSpec(String name, LatencyModel latency, FailureModel failure) {

	/**
	 * The request parameters that describe a backend, for the backend endpoint and for
	 * demos that take one.
	 */
	public static final Set<String> PARAMETERS = Set.of("model", "delay", "min", "max", "mean", "sd", "median", "p99",
			"base", "slow", "p", "error-rate", "error-status", "fail-first", "hang");

	public BackendSpec withFailure(FailureModel failure) {
		return new BackendSpec(this.name, this.latency, failure);
	}

	/**
	 * The parameters that describe this backend in a request to its HTTP endpoint.
	 */
	@JsonIgnore
	public Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>(this.latency.parameters());
		parameters.put("error-rate", String.valueOf(this.failure.errorRate()));
		parameters.put("error-status", String.valueOf(this.failure.errorStatus()));
		parameters.put("fail-first", String.valueOf(this.failure.failFirst()));
		parameters.put("hang", String.valueOf(this.failure.hang()));
		return parameters;
	}

	/**
	 * Reads a backend from parameters: {@code model} with its own parameters gives the
	 * latency, and {@code error-rate}, {@code error-status}, {@code fail-first} and
	 * {@code hang} the failures. What is not given comes from {@code base}.
	 * @throws InvalidParameter naming a missing or out-of-range parameter
	 */
	public static BackendSpec parse(String name, QueryParameters parameters, @Nullable BackendSpec base,
			Duration maxDelay) {
		double maxMs = maxDelay.toMillis();
		String model = parameters.text("model", 20);
		LatencyModel latency;
		if (model == null) {
			if (base == null) {
				throw new InvalidParameter("model", "Backend '" + name + "' is not configured: give its latency with"
						+ " 'model' (fixed, uniform, normal, lognormal or tail) and that model's parameters.");
			}
			latency = base.latency();
		}
		else {
			latency = switch (model) {
				case "fixed" -> new LatencyModel.Fixed(required(parameters, "delay", 0, maxMs));
				case "uniform" -> {
					double min = required(parameters, "min", 0, maxMs);
					yield new LatencyModel.Uniform(min, required(parameters, "max", min, maxMs));
				}
				case "normal" -> new LatencyModel.Normal(required(parameters, "mean", 0, maxMs),
						required(parameters, "sd", 0, maxMs));
				case "lognormal" -> {
					double median = required(parameters, "median", 0.001, maxMs);
					yield new LatencyModel.LogNormal(median, required(parameters, "p99", median, maxMs));
				}
				case "tail" -> new LatencyModel.Tail(required(parameters, "base", 0, maxMs),
						required(parameters, "slow", 0, maxMs), required(parameters, "p", 0, 1));
				default -> throw new InvalidParameter("model",
						"Parameter 'model' must be fixed, uniform, normal, lognormal or tail; not '" + model + "'.");
			};
		}
		FailureModel failure = (base != null) ? base.failure() : FailureModel.NONE;
		failure = new FailureModel(parameters.decimal("error-rate", failure.errorRate(), 0, 1),
				parameters.integer("error-status", failure.errorStatus(), 400, 599),
				parameters.integer("fail-first", failure.failFirst(), 0, 1_000_000),
				parameters.bool("hang", failure.hang()));
		return new BackendSpec(name, latency, failure);
	}

	private static double required(QueryParameters parameters, String name, double min, double max) {
		double value = parameters.decimal(name, Double.NaN, min, max);
		if (Double.isNaN(value)) {
			throw new InvalidParameter(name, "Parameter '" + name + "' is required by this latency model.");
		}
		return value;
	}

}
