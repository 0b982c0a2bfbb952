package dev.patterncatalog.lab.backend;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.patterncatalog.system.BoundParameter;
import dev.patterncatalog.system.InvalidParameter;
import org.jspecify.annotations.Nullable;

/**
 * A simulated backend: its name, latency model and failure model.
 */
public record BackendSpec(String name, LatencyModel latency, FailureModel failure) {

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
	 * The backend {@code given} describes: {@code model} with its own parameters gives
	 * the latency, and {@code error-rate}, {@code error-status}, {@code fail-first} and
	 * {@code hang} the failures. What is not given comes from {@code base}; latencies are
	 * bounded by {@code maxDelay}.
	 * @throws InvalidParameter naming a missing or out-of-range parameter
	 */
	public static BackendSpec of(String name, BackendParameters given, @Nullable BackendSpec base, Duration maxDelay) {
		Map<String, String> baseModel = (base != null) ? base.latency().parameters() : Map.of();
		String model = (given.model() != null) ? given.model() : baseModel.getOrDefault("model", "");
		if (model.isEmpty()) {
			throw new InvalidParameter("model", "Backend '" + name + "' is not configured: give its latency with"
					+ " 'model' (fixed, uniform, normal, lognormal or tail) and that model's parameters.");
		}
		if (!MODELS.containsKey(model)) {
			throw new InvalidParameter("model", "Parameter 'model' must be one of " + String.join(", ", MODELS.keySet())
					+ "; not '" + model + "'.");
		}
		Map<String, @Nullable Double> latencies = latencies(given);
		for (String parameter : LATENCY_PARAMETERS) {
			if (latencies.get(parameter) != null && !MODELS.get(model).contains(parameter)) {
				throw new InvalidParameter(parameter, "Parameter '" + parameter + "' does not apply to model '" + model
						+ "', which takes: " + String.join(", ", MODELS.get(model)) + ".");
			}
		}
		// parameters not given keep the base's values when the model stays the same
		Map<String, String> defaults = model.equals(baseModel.get("model")) ? baseModel : Map.of();
		Latencies values = new Latencies(latencies, defaults, maxDelay.toMillis());
		LatencyModel latency = switch (model) {
			case "fixed" -> new LatencyModel.Fixed(values.required("delay", 0));
			case "uniform" -> {
				double min = values.required("min", 0);
				yield new LatencyModel.Uniform(min, values.required("max", min));
			}
			case "normal" -> new LatencyModel.Normal(values.required("mean", 0), values.required("sd", 0));
			case "lognormal" -> {
				double median = values.required("median", 0.001);
				yield new LatencyModel.LogNormal(median, values.required("p99", median));
			}
			default ->
				new LatencyModel.Tail(values.required("base", 0), values.required("slow", 0), values.probability("p"));
		};
		FailureModel failure = (base != null) ? base.failure() : FailureModel.NONE;
		failure = new FailureModel(orElse(given.errorRate(), failure.errorRate()),
				orElse(given.errorStatus(), failure.errorStatus()), orElse(given.failFirst(), failure.failFirst()),
				orElse(given.hang(), failure.hang()));
		return new BackendSpec(name, latency, failure);
	}

	private static Map<String, @Nullable Double> latencies(BackendParameters given) {
		Map<String, @Nullable Double> latencies = new LinkedHashMap<>();
		latencies.put("delay", given.delay());
		latencies.put("min", given.min());
		latencies.put("max", given.max());
		latencies.put("mean", given.mean());
		latencies.put("sd", given.sd());
		latencies.put("median", given.median());
		latencies.put("p99", given.p99());
		latencies.put("base", given.base());
		latencies.put("slow", given.slow());
		latencies.put("p", given.p());
		return latencies;
	}

	private static <T> T orElse(@Nullable T given, T base) {
		return (given != null) ? given : base;
	}

	/** A model's parameters: given, or else the base's, within their bounds. */
	private record Latencies(Map<String, @Nullable Double> given, Map<String, String> defaults, double maxMs) {

		double required(String name, double min) {
			return within(name, min, this.maxMs);
		}

		double probability(String name) {
			return within(name, 0, 1);
		}

		private double within(String name, double min, double max) {
			Double value = this.given.get(name);
			if (value == null && this.defaults.containsKey(name)) {
				value = Double.parseDouble(this.defaults.get(name));
			}
			if (value == null) {
				throw new InvalidParameter(name, "Parameter '" + name + "' is required by this latency model.");
			}
			if (!(value >= min && value <= max)) {
				throw BoundParameter.decimal(name, min, max).refused(value);
			}
			return value;
		}

	}

}
