package dev.patterncatalog.lab.demo;

import java.util.List;

import dev.patterncatalog.lab.run.Theories;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A parameter a demo takes, with its default and limits.
 *
 * @param kind {@code integer}, {@code ms} (milliseconds, fractions allowed),
 * {@code fraction} (0 to 1), {@code boolean}, {@code choice}, {@code name} (of a
 * configured backend) or {@code names} (a comma-separated list of them)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterSpec(@Schema(example = "timeout") String name, @Schema(example = "ms") String kind,
		@JsonProperty("default") @Schema(example = "300") String defaultValue, @Nullable Double min,
		@Nullable Double max, @Nullable List<String> choices, String description) {

	static ParameterSpec integer(String name, int defaultValue, int min, int max, String description) {
		return new ParameterSpec(name, "integer", String.valueOf(defaultValue), (double) min, (double) max, null,
				description);
	}

	static ParameterSpec millis(String name, double defaultValue, double max, String description) {
		return new ParameterSpec(name, "ms", Theories.format(defaultValue), 0.0, max, null, description);
	}

	static ParameterSpec fraction(String name, double defaultValue, String description) {
		return new ParameterSpec(name, "fraction", Theories.format(defaultValue), 0.0, 1.0, null, description);
	}

	static ParameterSpec bool(String name, boolean defaultValue, String description) {
		return new ParameterSpec(name, "boolean", String.valueOf(defaultValue), null, null, null, description);
	}

	static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
		return new ParameterSpec(name, "choice", defaultValue, null, null, choices, description);
	}

	static ParameterSpec name(String name, String defaultValue, String description) {
		return new ParameterSpec(name, "name", defaultValue, null, null, null, description);
	}

	static ParameterSpec names(String name, String defaultValue, int max, String description) {
		return new ParameterSpec(name, "names", defaultValue, 1.0, (double) max, null, description);
	}

}
