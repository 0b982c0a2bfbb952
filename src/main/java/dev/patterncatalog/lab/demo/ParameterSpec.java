package dev.patterncatalog.lab.demo;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A parameter a demo takes, with its default and limits, as the demos' list describes it
 * (from the demo's parameter record, {@link DemoParameters}).
 *
 * @param kind {@code integer}, {@code ms} (milliseconds, fractions allowed),
 * {@code fraction} (0 to 1), {@code boolean}, {@code choice}, {@code name} (of a
 * configured backend) or {@code names} (a comma-separated list of them)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterSpec(@Schema(example = "timeout") String name, @Schema(example = "ms") String kind,
		@JsonProperty("default") @Schema(example = "300") String defaultValue, @Nullable Double min,
		@Nullable Double max, @Nullable List<String> choices, String description) {

	static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
		return new ParameterSpec(name, "choice", defaultValue, null, null, choices, description);
	}

}
