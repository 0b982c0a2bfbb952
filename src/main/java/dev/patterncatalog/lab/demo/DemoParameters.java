package dev.patterncatalog.lab.demo;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.system.InvalidParameter;
import dev.patterncatalog.system.QueryParameters;
import org.jspecify.annotations.Nullable;

/**
 * The validated parameters of a demo request: each one given, or its default.
 */
public final class DemoParameters {

	private final Map<String, Object> values;

	private DemoParameters(Map<String, Object> values) {
		this.values = values;
	}

	/**
	 * Reads every parameter of {@code specs}, checking kinds and limits.
	 * @throws InvalidParameter naming the first parameter that is wrong
	 */
	static DemoParameters read(List<ParameterSpec> specs, QueryParameters parameters, BackendRegistry backends) {
		Map<String, Object> values = new HashMap<>();
		for (ParameterSpec spec : specs) {
			Object value = read(spec, parameters);
			if (spec.kind().equals("names")) {
				LabBackends.named(backends, spec.name(), DemoParameters.<List<String>>cast(value));
			}
			else if (spec.kind().equals("name")) {
				LabBackends.named(backends, spec.name(), (String) value);
			}
			values.put(spec.name(), value);
		}
		return new DemoParameters(values);
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}

	private static Object read(ParameterSpec spec, QueryParameters parameters) {
		String name = spec.name();
		double min = (spec.min() != null) ? spec.min() : 0;
		double max = (spec.max() != null) ? spec.max() : 0;
		return switch (spec.kind()) {
			case "integer" -> parameters.integer(name, Integer.parseInt(spec.defaultValue()), (int) min, (int) max);
			case "ms", "fraction" -> parameters.decimal(name, Double.parseDouble(spec.defaultValue()), min, max);
			case "boolean" -> parameters.bool(name, Boolean.parseBoolean(spec.defaultValue()));
			case "choice" -> parameters.choice(name, spec.defaultValue(), spec.choices());
			case "name" -> {
				String value = parameters.text(name, 40);
				yield (value != null) ? value : spec.defaultValue();
			}
			case "names" -> names(name, parameters.text(name, 4000), spec.defaultValue(), (int) max);
			default -> throw new IllegalStateException("unknown parameter kind " + spec.kind());
		};
	}

	private static List<String> names(String name, @Nullable String given, String defaultValue, int max) {
		List<String> names = Arrays.stream(((given != null) ? given : defaultValue).split(","))
			.map(String::strip)
			.filter((n) -> !n.isEmpty())
			.toList();
		if (names.isEmpty() || names.size() > max) {
			throw new InvalidParameter(name,
					"Parameter '" + name + "' must list 1 to " + max + " backend names separated by commas.");
		}
		return names;
	}

	public int integer(String name) {
		return (Integer) this.values.get(name);
	}

	public double number(String name) {
		return (Double) this.values.get(name);
	}

	public Duration millis(String name) {
		return Duration.ofNanos(Math.round(number(name) * 1e6));
	}

	public boolean bool(String name) {
		return (Boolean) this.values.get(name);
	}

	public String text(String name) {
		return (String) this.values.get(name);
	}

	@SuppressWarnings("unchecked")
	public List<String> names(String name) {
		return (List<String>) this.values.get(name);
	}

}
