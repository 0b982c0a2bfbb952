package dev.patterncatalog.lab.demo;

import java.util.List;
import java.util.Map;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.TestLabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.system.InvalidParameter;
import dev.patterncatalog.system.QueryParameters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.BindParam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A demo's parameter record is its description and what a request is read into.
 */
class DemoParametersTests {

	private final LabProperties properties = TestLabProperties.of(Map.of("limits.max-delay", "7s"));

	private final BackendRegistry registry = new BackendRegistry(this.properties, new SimpleMeterRegistry());

	record Sample(@Schema(description = "how many", defaultValue = "3") @Min(1) @Max(9) int count,
			@BindParam("wait-for") @Schema(description = "how long",
					defaultValue = "250") @Millis @DecimalMin("0") @UpTo(UpTo.Limit.MAX_DELAY) double waitFor,
			@Schema(description = "how likely", defaultValue = "0.5") @DecimalMin("0") @DecimalMax("1") double p,
			@Schema(description = "whether", defaultValue = "false") boolean hang, @Schema(description = "whom",
					defaultValue = "profile,settings") @UpTo(UpTo.Limit.MAX_FAN_OUT) List<String> backends) {
	}

	record Unbounded(@Schema(description = "how many", defaultValue = "3") @Min(1) int count) {
	}

	record Undescribed(@Min(1) @Max(2) int count) {
	}

	@Test
	void aRecordIsDescribedByItsComponentsAnnotationsAndTheConfiguredLimits() {
		assertThat(DemoParameters.describe(Sample.class, this.properties.limits())).containsExactly(
				new ParameterSpec("count", "integer", "3", 1.0, 9.0, null, "how many"),
				new ParameterSpec("wait-for", "ms", "250", 0.0, 7000.0, null, "how long"),
				new ParameterSpec("p", "fraction", "0.5", 0.0, 1.0, null, "how likely"),
				new ParameterSpec("hang", "boolean", "false", null, null, null, "whether"),
				new ParameterSpec("backends", "names", "profile,settings", 1.0,
						(double) this.properties.limits().maxFanOut(), null, "whom"));
	}

	@Test
	void aRequestIsReadIntoTheRecordWithDefaultsForWhatItLeavesOut() {
		assertThat(read(Map.of("wait-for", "12.5", "backends", "notifications")))
			.isEqualTo(new Sample(3, 12.5, 0.5, false, List.of("notifications")));
	}

	@Test
	void aValueOutOfItsBoundsIsRefusedNamingTheParameterAndTheBounds() {
		assertThatThrownBy(() -> read(Map.of("wait-for", "7001"))).isInstanceOf(InvalidParameter.class)
			.hasMessageContaining("Parameter 'wait-for' must be a number from 0 to 7000, not '7001'.");
		assertThatThrownBy(() -> read(Map.of("count", "10"))).isInstanceOf(InvalidParameter.class)
			.hasMessageContaining("Parameter 'count' must be a whole number from 1 to 9, not '10'.");
		assertThatThrownBy(() -> read(Map.of("backends", "nowhere"))).isInstanceOf(InvalidParameter.class)
			.hasMessageContaining("names backend 'nowhere', which is not configured");
	}

	@Test
	void aComponentWithoutBoundsOrDescriptionIsADemosMistakeFoundWhenItIsCreated() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoParameters.describe(Unbounded.class, this.properties.limits()))
			.withMessageContaining("needs both bounds");
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoParameters.describe(Undescribed.class, this.properties.limits()))
			.withMessageContaining("needs @Schema with a description and a default");
	}

	private Sample read(Map<String, String> query) {
		LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		query.forEach(values::add);
		List<ParameterSpec> specs = DemoParameters.describe(Sample.class, this.properties.limits());
		QueryParameters parameters = QueryParameters.of(values,
				java.util.Set.of("count", "wait-for", "p", "hang", "backends"));
		return DemoParameters.read(Sample.class, specs, parameters, this.registry);
	}

}
