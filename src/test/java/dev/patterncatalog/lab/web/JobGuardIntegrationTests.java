package dev.patterncatalog.lab.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting jobs counts against the lab's run rate: a burst of starts gets 429 problems
 * with Retry-After, while a bad start is refused without taking a permit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lab.guard.runs-per-second=2")
@AutoConfigureWebTestClient(timeout = "30s")
class JobGuardIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void aBurstOfJobStartsBeyondTheRunRateGets429WithRetryAfter() {
		List<EntityExchangeResult<byte[]>> results = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			results.add(this.client.post()
				.uri("/api/lab/jobs?batches=1&batch-ms=1")
				.exchange()
				.expectBody()
				.returnResult());
		}

		// two permits a second: six starts within a moment get at most four (if they
		// straddle a refresh)
		assertThat(results).filteredOn((r) -> r.getStatus().value() == 202).hasSizeBetween(2, 4);
		assertThat(results).filteredOn((r) -> r.getStatus().value() == 429)
			.hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((r) -> {
				assertThat(r.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
				assertThat(new String(r.getResponseBody())).contains("\"title\":\"Too many lab requests\"");
			});
	}

	@Test
	void aBadJobStartIsRefusedWithoutTakingAPermit() {
		for (int i = 0; i < 5; i++) {
			this.client.post().uri("/api/lab/jobs?batches=0").exchange().expectStatus().isBadRequest();
		}
	}

}
