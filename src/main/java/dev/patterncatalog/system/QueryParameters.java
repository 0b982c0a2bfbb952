package dev.patterncatalog.system;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The query parameters of one request, read strictly: unknown names, repeated single
 * values, control characters and out-of-range numbers are errors that name the parameter,
 * never silently ignored. A blank value counts as absent, and values are stripped of
 * surrounding spaces. Numbers are plain ASCII numerals: what Java's parsers also take (a
 * plus sign, digits of other scripts, hexadecimal, {@code d} and {@code f} suffixes) is
 * refused.
 */
public final class QueryParameters {

	private final MultiValueMap<String, String> values;

	private QueryParameters(MultiValueMap<String, String> values) {
		this.values = values;
	}

	/**
	 * Checks that every parameter given is one of {@code known}.
	 * @throws InvalidParameter naming the first unknown parameter
	 */
	public static QueryParameters of(MultiValueMap<String, String> values, Set<String> known) {
		if (!known.containsAll(values.keySet())) {
			throw RequestParameters.unknown(new TreeSet<>(values.keySet()).stream()
				.filter((given) -> !known.contains(given))
				.findFirst()
				.orElseThrow(), known);
		}
		return new QueryParameters(values);
	}

	/**
	 * Whether the parameter is given with a non-blank value.
	 */
	public boolean has(String name) {
		return !nonBlank(name).isEmpty();
	}

	public @Nullable String text(String name, int maxLength) {
		List<String> given = nonBlank(name);
		BoundParameter parameter = new BoundParameter(name, name, BoundParameter.Kind.TEXT, false, null, null,
				maxLength, null);
		parameter.check(given);
		return given.isEmpty() ? null : withinLength(parameter, given.get(0));
	}

	public List<String> texts(String name, int maxLength, int maxCount) {
		List<String> given = nonBlank(name);
		BoundParameter parameter = new BoundParameter(name, name, BoundParameter.Kind.TEXT, true, null, null, maxLength,
				maxCount);
		parameter.check(given);
		return given.stream().map((value) -> withinLength(parameter, value)).toList();
	}

	public int integer(String name, int defaultValue, int min, int max) {
		String value = text(name, 100);
		if (value == null) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(plain(value, BoundParameter.WHOLE_NUMBER));
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, with the bounds
		}
		throw BoundParameter.number(name, BoundParameter.Kind.WHOLE_NUMBER, min, max).refused(value);
	}

	/**
	 * A decimal number such as {@code 0.25} or {@code 150}; {@code NaN} and infinities
	 * are refused.
	 */
	public double decimal(String name, double defaultValue, double min, double max) {
		String value = text(name, 100);
		if (value == null) {
			return defaultValue;
		}
		try {
			double number = Double.parseDouble(plain(value, BoundParameter.DECIMAL));
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below, with the bounds
		}
		throw BoundParameter.decimal(name, min, max).refused(value);
	}

	public long longInteger(String name, long defaultValue) {
		String value = text(name, 100);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Long.parseLong(plain(value, BoundParameter.WHOLE_NUMBER));
		}
		catch (NumberFormatException ex) {
			throw new BoundParameter(name, name, BoundParameter.Kind.WHOLE_NUMBER, false, null, null, null, null)
				.refused(value);
		}
	}

	private static String plain(String value, Pattern form) {
		if (!form.matcher(value).matches()) {
			throw new NumberFormatException(value);
		}
		return value;
	}

	public boolean bool(String name, boolean defaultValue) {
		String value = text(name, 10);
		if (value == null) {
			return defaultValue;
		}
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new BoundParameter(name, name, BoundParameter.Kind.BOOLEAN, false, null, null, null, null)
				.refused(value);
		};
	}

	/**
	 * One of a fixed set of words.
	 */
	public String choice(String name, String defaultValue, List<String> choices) {
		String value = text(name, 100);
		if (value == null) {
			return defaultValue;
		}
		if (!choices.contains(value)) {
			throw new InvalidParameter(name,
					"Parameter '" + name + "' must be one of " + String.join(", ", choices) + "; not '" + value + "'.");
		}
		return value;
	}

	private List<String> nonBlank(String name) {
		List<String> given = this.values.get(name);
		if (given == null) {
			return List.of();
		}
		return given.stream().filter((value) -> value != null && !value.isBlank()).map(String::strip).toList();
	}

	private static String withinLength(BoundParameter parameter, String value) {
		if (value.length() > parameter.maxLength()) {
			throw parameter.refused(value);
		}
		return value;
	}

}
