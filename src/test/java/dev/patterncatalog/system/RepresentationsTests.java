package dev.patterncatalog.system;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.web.server.NotAcceptableStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RepresentationsTests {

	private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");

	private static final List<MediaType> OFFERS = List.of(MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_HTML);

	@Test
	void noAcceptOrAnyTypeGetsTheFirstOffer() {
		assertThat(choose("")).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(choose("*/*")).isEqualTo(MediaType.APPLICATION_JSON);
	}

	@Test
	void theHighestQualityWins() {
		assertThat(choose("text/html;q=0.9, text/markdown")).isEqualTo(MARKDOWN);
		assertThat(choose("text/*;q=0.5, application/json;q=0.4")).isEqualTo(MARKDOWN);
	}

	@Test
	void aBrowserAcceptHeaderGetsHtml() {
		assertThat(choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
			.isEqualTo(MediaType.TEXT_HTML);
	}

	@Test
	void theMostSpecificRangeDecidesAndQualityZeroRefuses() {
		assertThat(choose("*/*, application/json;q=0")).isEqualTo(MARKDOWN);
		assertThat(choose("application/json;q=0, text/*;q=0")).isNull();
		assertThat(choose("image/png")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json;q=abc", "application/json;q=2", ",,,;;", "garbage", "text/", "*/json",
			"application/json; charset=\"" })
	void anAcceptHeaderThatCannotBeParsedIsRefusedWith406SayingWhy(String accept) {
		MockServerRequest request = MockServerRequest.builder().header("Accept", accept).build();

		assertThatExceptionOfType(NotAcceptableStatusException.class)
			.isThrownBy(() -> Representations.negotiate(request, OFFERS))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(406);
				assertThat(ex.getBody().getDetail()).startsWith("The Accept header is not a list of media types")
					.contains("Acceptable representations: [application/json, text/markdown, text/html]")
					// the parser's own words name Java internals
					.doesNotContain("For input string", "Invalid mime type", "token");
			});
	}

	private static MediaType choose(String accept) {
		return Representations.choose(MediaType.parseMediaTypes(accept), OFFERS);
	}

}
