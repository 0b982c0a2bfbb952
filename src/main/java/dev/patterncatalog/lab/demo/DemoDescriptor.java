package dev.patterncatalog.lab.demo;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a demo is: the pattern it illustrates, its variants and its parameters.
 *
 * @param metric what a comparison of the variants measures
 * @param defaultRuns the runs per variant a comparison makes unless asked otherwise:
 * enough to show the pattern's point the same way on every reload
 * @param defaultConcurrency the runs in flight a comparison allows unless asked otherwise
 * @param sweep how the lab page sweeps the arrival rate, for a demo whose point shows as
 * load rises; or null
 */
public record DemoDescriptor(@Schema(example = "fan-out") String name,
		@JsonProperty("pattern_id") @Schema(example = "gen-pattern-004") String patternId,
		@Schema(example = "Sequential calls against Mono.zip") String title, String description, List<String> variants,
		List<ParameterSpec> parameters, @Schema(example = "total time of a run, ms") String metric,
		@JsonProperty("default_runs") @Schema(example = "100") int defaultRuns,
		@JsonProperty("default_concurrency") @Schema(example = "10") int defaultConcurrency, @Nullable Sweep sweep) {

	/**
	 * Open-model comparisons at rising arrival rates, each variant's runs arriving at a
	 * rate for a while.
	 *
	 * @param rates the arrival rates, runs per second
	 * @param fact the run's fact that shows what the pattern does as the rate rises
	 */
	public record Sweep(@Schema(example = "[2, 4, 8, 16]") List<Double> rates,
			@Schema(example = "rejected") String fact) {
	}

	/**
	 * A demo whose comparisons make 100 runs of each variant, 10 at once, by default; its
	 * parameters are added from their record ({@link DescribedDemo}).
	 */
	DemoDescriptor(String name, String patternId, String title, String description, List<String> variants,
			String metric) {
		this(name, patternId, title, description, variants, List.of(), metric, 100, 10, null);
	}

	DemoDescriptor comparedBy(int runs, int concurrency) {
		return new DemoDescriptor(this.name, this.patternId, this.title, this.description, this.variants,
				this.parameters, this.metric, runs, concurrency, this.sweep);
	}

	DemoDescriptor withParameters(List<ParameterSpec> parameters) {
		return new DemoDescriptor(this.name, this.patternId, this.title, this.description, this.variants, parameters,
				this.metric, this.defaultRuns, this.defaultConcurrency, this.sweep);
	}

	DemoDescriptor sweptBy(String fact, Double... rates) {
		return new DemoDescriptor(this.name, this.patternId, this.title, this.description, this.variants,
				this.parameters, this.metric, this.defaultRuns, this.defaultConcurrency,
				new Sweep(List.of(rates), fact));
	}

}
