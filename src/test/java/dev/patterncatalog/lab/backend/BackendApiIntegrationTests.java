package dev.patterncatalog.lab.backend;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The simulated backends' HTTP endpoints over a real socket: latency and failure models
 * chosen per request, and counters that add up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class BackendApiIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void backendsAreRealHttpEndpointsWithModelsFailuresAndCounters() {
		this.client.get()
			.uri("/api/lab/backends/adhoc-one?model=fixed&delay=5&seed=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.backend")
			.isEqualTo("adhoc-one")
			.jsonPath("$.latency_ms")
			.isEqualTo(5.0);
		this.client.get()
			.uri("/api/lab/backends/adhoc-one?model=fixed&delay=1&error-rate=1&error-status=502")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.backend")
			.isEqualTo("adhoc-one");
		this.client.get()
			.uri("/api/lab/backends/stats")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.backend == 'adhoc-one')].started")
			.isEqualTo(List.of(2))
			.jsonPath("$[?(@.backend == 'adhoc-one')].completed")
			.isEqualTo(List.of(1))
			.jsonPath("$[?(@.backend == 'adhoc-one')].failed")
			.isEqualTo(List.of(1));
		this.client.get()
			.uri("/api/lab/backends")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.name == 'profile')].latency.delay_ms")
			.isEqualTo(List.of(200.0));
	}

}
