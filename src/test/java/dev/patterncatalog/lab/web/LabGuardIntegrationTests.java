package dev.patterncatalog.lab.web;

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
 * A crowd at the lab gets 429 or 503 problems with Retry-After, and the catalog keeps
 * answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lab.guard.runs-per-second=1000", "lab.guard.max-runs=2", "lab.guard.compares-per-second=1",
				"lab.guard.max-compares=4" })
@AutoConfigureWebTestClient(timeout = "30s")
class LabGuardIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void moreConcurrentRunsThanTheBulkheadAllowsGet503WithRetryAfter() {
		List<EntityExchangeResult<byte[]>> results = ConcurrentRequests.get(this.client,
				"/api/lab/demos/timeout?variant=none&delay=1000&transport=in-process", 6);

		assertThat(results).filteredOn((r) -> r.getStatus().value() == 200).hasSize(2);
		assertThat(results).filteredOn((r) -> r.getStatus().value() == 503).hasSize(4).allSatisfy((r) -> {
			assertThat(r.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
			assertThat(r.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(new String(r.getResponseBody())).contains("\"title\":\"Lab busy\"");
		});
		this.client.get().uri("/api/patterns/gen-pattern-003").exchange().expectStatus().isOk();
	}

	@Test
	void moreComparisonsPerSecondThanAllowedGet429WithRetryAfter() {
		List<EntityExchangeResult<byte[]>> results = ConcurrentRequests.get(this.client,
				"/api/lab/demos/fan-out/compare?runs=1&transport=in-process&backends=notifications", 5);

		// one permit a second: five requests within a moment get at most two (if they
		// straddle a refresh)
		assertThat(results).filteredOn((r) -> r.getStatus().value() == 200).hasSizeBetween(1, 2);
		assertThat(results).filteredOn((r) -> r.getStatus().value() == 429)
			.hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((r) -> {
				assertThat(r.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
				assertThat(new String(r.getResponseBody())).contains("\"title\":\"Too many lab requests\"");
			});
	}

}
