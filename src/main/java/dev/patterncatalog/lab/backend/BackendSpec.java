package dev.patterncatalog.lab.backend;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

	/** The latency models and the parameters each takes. */
	private static final Map<String, List<String>> MODELS = new LinkedHashMap<>();

	static {
		MODELS.put("fixed", List.of("delay"));
		MODELS.put("uniform", List.of("min", "max"));
		MODELS.put("normal", List.of("mean", "sd"));
		MODELS.put("lognormal", List.of("median", "p99"));
		MODELS.put("tail", List.of("base", "slow", "p"));
	}

	private static final List<String> LATENCY_PARAMETERS = MODELS.values().stream().flatMap(List::stream).toList();

	/**
	 * The parameters in milliseconds, from 0 to {@code lab.limits.max-delay}: every
	 * latency parameter but the tail's probability.
	 */
	public static final Set<String> MILLISECONDS = LATENCY_PARAMETERS.stream()
		.filter((parameter) -> !parameter.equals("p"))
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * A backend that always answers after {@code delayMs}, and never fails.
	 */
	public static BackendSpec fixed(String name, double delayMs) {
		return new BackendSpec(name, new LatencyModel.Fixed(delayMs), FailureModel.NONE);
	}

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
		Map<String, String> baseModel = (base != null) ? base.latency().parameters() : Map.of();
		String model = parameters.choice("model", baseModel.getOrDefault("model", ""), List.copyOf(MODELS.keySet()));
		if (model.isEmpty()) {
			throw new InvalidParameter("model", "Backend '" + name + "' is not configured: give its latency with"
					+ " 'model' (fixed, uniform, normal, lognormal or tail) and that model's parameters.");
		}
		for (String parameter : LATENCY_PARAMETERS) {
			if (parameters.has(parameter) && !MODELS.get(model).contains(parameter)) {
				throw new InvalidParameter(parameter, "Parameter '" + parameter + "' does not apply to model '" + model
						+ "', which takes: " + String.join(", ", MODELS.get(model)) + ".");
			}
		}
		// parameters not given keep the base's values when the model stays the same
		Map<String, String> defaults = model.equals(baseModel.get("model")) ? baseModel : Map.of();
		double maxMs = maxDelay.toMillis();
		LatencyModel latency = switch (model) {
			case "fixed" -> new LatencyModel.Fixed(required(parameters, defaults, "delay", 0, maxMs));
			case "uniform" -> {
				double min = required(parameters, defaults, "min", 0, maxMs);
				yield new LatencyModel.Uniform(min, required(parameters, defaults, "max", min, maxMs));
			}
			case "normal" -> new LatencyModel.Normal(required(parameters, defaults, "mean", 0, maxMs),
					required(parameters, defaults, "sd", 0, maxMs));
			case "lognormal" -> {
				double median = required(parameters, defaults, "median", 0.001, maxMs);
				yield new LatencyModel.LogNormal(median, required(parameters, defaults, "p99", median, maxMs));
			}
			default -> new LatencyModel.Tail(required(parameters, defaults, "base", 0, maxMs),
					required(parameters, defaults, "slow", 0, maxMs), required(parameters, defaults, "p", 0, 1));
		};
		FailureModel failure = (base != null) ? base.failure() : FailureModel.NONE;
		failure = new FailureModel(parameters.decimal("error-rate", failure.errorRate(), 0, 1),
				parameters.integer("error-status", failure.errorStatus(), 400, 599),
				parameters.integer("fail-first", failure.failFirst(), 0, 1_000_000),
				parameters.bool("hang", failure.hang()));
		return new BackendSpec(name, latency, failure);
	}

	private static double required(QueryParameters parameters, Map<String, String> defaults, String name, double min,
			double max) {
		double value = parameters.decimal(name, Double.parseDouble(defaults.getOrDefault(name, "NaN")), min, max);
		if (Double.isNaN(value)) {
			throw new InvalidParameter(name, "Parameter '" + name + "' is required by this latency model.");
		}
		return value;
	}

}
