package dev.patterncatalog.lab;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a demo is: the pattern it illustrates, its variants and its parameters.
 *
 * @param metric what a comparison of the variants measures
 */
public record DemoDescriptor(@Schema(example = "fan-out") String name,
		@JsonProperty("pattern_id") @Schema(example = "gen-pattern-004") String patternId,
		@Schema(example = "Sequential calls against Mono.zip") String title, String description, List<String> variants,
		List<ParameterSpec> parameters, @Schema(example = "total time of a run, ms") String metric) {
}
