package dev.patterncatalog.lab.backend;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A backend asked to hang, called directly by a client that waits: the server gives up
 * after {@code lab.limits.max-hang} with a 504 problem, not an internal error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lab.limits.max-hang=300ms")
@AutoConfigureWebTestClient(timeout = "30s")
class BackendHangIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void aHangingBackendGivesUpWith504AfterMaxHang() {
		this.client.get()
			.uri("/api/lab/backends/hanging-one?model=fixed&delay=1&hang=true")
			.header(HttpHeaders.CONNECTION, "close")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.backend")
			.isEqualTo("hanging-one")
			.jsonPath("$.detail")
			.isEqualTo("The backend hung, and the server gave up on the call after 300 ms (lab.limits.max-hang).");
		this.client.get()
			.uri("/api/lab/backends/stats")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.backend == 'hanging-one')].failed")
			.isEqualTo(List.of(1))
			.jsonPath("$[?(@.backend == 'hanging-one')].in_flight")
			.isEqualTo(List.of(0));
	}

}
