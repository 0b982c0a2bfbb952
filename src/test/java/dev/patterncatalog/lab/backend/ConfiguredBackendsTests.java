package dev.patterncatalog.lab.backend;

import java.util.Map;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.TestLabProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Backends named in configuration ({@code lab.backends}): typed values, checked by the
 * rules of a request, and a startup stopped with the property's name when they break
 * them.
 */
class ConfiguredBackendsTests {

	@Test
	void eachConfiguredBackendIsReadWithItsModelAndFailures() {
		BackendRegistry registry = registry(Map.of("backends.flaky.model", "lognormal", "backends.flaky.median", "20",
				"backends.flaky.p99", "200", "backends.flaky.error-rate", "0.5", "backends.flaky.error-status", "503"));

		BackendSpec flaky = registry.spec("flaky").orElseThrow();
		assertThat(flaky.latency()).isEqualTo(new LatencyModel.LogNormal(20, 200));
		assertThat(flaky.failure().errorRate()).isEqualTo(0.5);
		assertThat(flaky.failure().errorStatus()).isEqualTo(503);
	}

	@Test
	void aParameterItsModelDoesNotTakeStopsTheStartupNamingTheProperty() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> registry(
					Map.of("backends.slow.model", "fixed", "backends.slow.delay", "10", "backends.slow.median", "20")))
			.withMessage("Invalid lab.backends.slow.median: Parameter 'median' does not apply to model 'fixed',"
					+ " which takes: delay.");
	}

	@Test
	void aValueOfTheWrongTypeIsABindingError() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> registry(Map.of("backends.x.model", "fixed", "backends.x.delay", "soon")))
			.withMessageContaining("lab.backends.x");
	}

	@Test
	void anUnknownModelOrALatencyPastTheLimitStopsTheStartupNamingTheProperty() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> registry(Map.of("backends.x.model", "gaussian", "backends.x.delay", "1")))
			.withMessage("Invalid lab.backends.x.model: Parameter 'model' must be one of fixed, uniform, normal,"
					+ " lognormal, tail; not 'gaussian'.");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> registry(Map.of("backends.x.model", "fixed", "backends.x.delay", "30001")))
			.withMessage("Invalid lab.backends.x.delay: Parameter 'delay' must be a number from 0 to 30000,"
					+ " not '30001'.");
	}

	private static BackendRegistry registry(Map<String, String> settings) {
		LabProperties properties = TestLabProperties.of(settings);
		return new BackendRegistry(properties, new SimpleMeterRegistry());
	}

}
