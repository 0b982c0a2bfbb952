package dev.patterncatalog.lab.backend;

import java.time.Duration;
import java.util.Map;

import dev.patterncatalog.system.InvalidParameter;
import dev.patterncatalog.system.QueryBinder;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BackendSpecTests {

	private static final LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();

	static {
		validator.afterPropertiesSet();
	}

	/** Reads a backend as the backends' server does: bound from a query, then checked. */
	private static BackendSpec parse(Map<String, String> values, BackendSpec base) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		values.forEach(query::add);
		return BackendSpec.of("b", QueryBinder.bind(query, BackendParameters.class, validator), base,
				Duration.ofSeconds(30));
	}

	@Test
	void readsEveryModelAndFailure() {
		assertThat(parse(Map.of("model", "fixed", "delay", "200"), null).latency())
			.isEqualTo(new LatencyModel.Fixed(200));
		assertThat(parse(Map.of("model", "uniform", "min", "10", "max", "20"), null).latency())
			.isEqualTo(new LatencyModel.Uniform(10, 20));
		assertThat(parse(Map.of("model", "normal", "mean", "100", "sd", "10"), null).latency())
			.isEqualTo(new LatencyModel.Normal(100, 10));
		assertThat(parse(Map.of("model", "lognormal", "median", "20", "p99", "200"), null).latency())
			.isEqualTo(new LatencyModel.LogNormal(20, 200));
		assertThat(parse(Map.of("model", "tail", "base", "10", "slow", "1000", "p", "0.01"), null).latency())
			.isEqualTo(new LatencyModel.Tail(10, 1000, 0.01));
		assertThat(parse(Map.of("model", "fixed", "delay", "1", "error-rate", "0.25", "error-status", "500",
				"fail-first", "3", "hang", "true"), null)
			.failure()).isEqualTo(new FailureModel(0.25, 500, 3, true));
	}

	@Test
	void givenParametersOverrideTheBase() {
		BackendSpec base = new BackendSpec("b", new LatencyModel.Fixed(200), new FailureModel(0.5, 503, 0, false));
		BackendSpec overridden = parse(Map.of("error-rate", "0"), base);
		assertThat(overridden.latency()).isEqualTo(base.latency());
		assertThat(overridden.failure().errorRate()).isZero();
		assertThat(parse(Map.of("delay", "300"), base).latency()).isEqualTo(new LatencyModel.Fixed(300));
		BackendSpec tail = new BackendSpec("b", new LatencyModel.Tail(10, 1000, 0.01), FailureModel.NONE);
		assertThat(parse(Map.of("p", "0.5"), tail).latency()).isEqualTo(new LatencyModel.Tail(10, 1000, 0.5));
	}

	@Test
	void everyBadValueNamesItsParameter() {
		assertRejected(Map.of(), "model");
		assertRejected(Map.of("model", "gaussian"), "model");
		assertRejected(Map.of("model", "fixed"), "delay");
		assertRejected(Map.of("model", "fixed", "delay", "30001"), "delay");
		assertRejected(Map.of("model", "fixed", "delay", "-1"), "delay");
		assertRejected(Map.of("model", "fixed", "delay", "NaN"), "delay");
		assertRejected(Map.of("model", "uniform", "min", "20", "max", "10"), "max");
		assertRejected(Map.of("model", "lognormal", "median", "20", "p99", "10"), "p99");
		assertRejected(Map.of("model", "tail", "base", "1", "slow", "2", "p", "1.5"), "p");
		assertRejected(Map.of("model", "fixed", "delay", "1", "error-status", "200"), "error-status");
		assertRejected(Map.of("model", "fixed", "delay", "1", "hang", "maybe"), "hang");
		assertRejected(Map.of("model", "fixed", "delay", "1", "p", "0.5"), "p");
		assertRejected(Map.of("model", "fixed", "delay", "0x10"), "delay");
		assertRejected(Map.of("model", "fixed", "delay", "1", "error-rate", "2"), "error-rate");
		assertRejected(Map.of("model", "fixed", "delay", "1", "latency", "2"), "latency");
	}

	private static void assertRejected(Map<String, String> values, String parameter) {
		assertThatExceptionOfType(InvalidParameter.class).isThrownBy(() -> parse(values, null))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo(parameter));
	}

}
