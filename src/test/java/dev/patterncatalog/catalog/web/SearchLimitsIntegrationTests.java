package dev.patterncatalog.catalog.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches run within limits of their own: beyond the rate a new search is a 429 problem,
 * while an answer already prepared and a document read still answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "catalog.search.per-second=1")
@AutoConfigureWebTestClient
class SearchLimitsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void newSearchesBeyondTheRateAreRefusedAndPreparedAnswersAndDocumentsStillServed() {
		search("retry").expectStatus().isOk();
		// one a second: unless these take seven seconds, one of them is refused
		List<String> words = List.of("timeout", "hedging", "bulkhead", "breaker", "backoff", "cache", "zip");
		EntityExchangeResult<String> refused = words.stream()
			.map((word) -> search(word).expectBody(String.class).returnResult())
			.filter((result) -> result.getStatus().value() == 429)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no search was refused"));

		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(refused.getResponseBody()).contains("\"title\":\"Too many searches\"", "catalog.search.per-second");
		search("retry").expectStatus().isOk();
		this.client.get().uri("/api/patterns?category=resilience").exchange().expectStatus().isOk();
		this.client.get().uri("/api/patterns/gen-pattern-003").exchange().expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec search(String text) {
		return this.client.get().uri("/api/patterns?q={q}", text).exchange();
	}

}
