package dev.patterncatalog.system;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryParametersTests {

	@ParameterizedTest
	@CsvSource({ "0,0", "7,7", "-3,-3", "0042,42" })
	void wholeNumbersAreAsciiDigitsWithAnOptionalMinus(String given, int expected) {
		assertThat(parameter(given).integer("n", 1, -10, 100)).isEqualTo(expected);
		assertThat(parameter(given).longInteger("n", 1)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "0.25,0.25", "150,150", "-1.5,-1.5", "1e2,100", "2.5E-1,0.25", ".5,0.5", "3.,3" })
	void decimalsArePlainNumerals(String given, double expected) {
		assertThat(parameter(given).decimal("n", 1, -10, 1000)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+1", "\u0663", "\uFF11", "0x10", "1_000", "1.0", "1e2", "--1" })
	void otherWholeNumberFormsAreRefusedNamingTheParameter(String given) {
		assertThatExceptionOfType(InvalidParameter.class).isThrownBy(() -> parameter(given).integer("n", 1, -10, 100))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("n"))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("'" + given + "'"));
		assertThatExceptionOfType(InvalidParameter.class).isThrownBy(() -> parameter(given).longInteger("n", 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "+1", "250d", "1f", "0x1p3", "\u0663", "NaN", "Infinity", "1e", ".", "1,5", "1..5" })
	void otherDecimalFormsAreRefused(String given) {
		assertThatExceptionOfType(InvalidParameter.class).isThrownBy(() -> parameter(given).decimal("n", 1, -10, 1000))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail())
				.isEqualTo("Parameter 'n' must be a number from -10 to 1000, not '" + given + "'."));
	}

	private static QueryParameters parameter(String value) {
		LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("n", value);
		return QueryParameters.of(values, Set.of("n"));
	}

}
