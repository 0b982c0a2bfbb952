package dev.patterncatalog.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static MediaType choose(String accept) {
		return Representations.choose(MediaType.parseMediaTypes(accept), OFFERS);
	}

}
