package dev.patterncatalog.lab.web;

import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the lab measures or counts is true only at the moment of the request: no cache may
 * keep it, while the lab's descriptions may be cached as usual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class LiveAnswersIntegrationTests {

	@Autowired
	WebTestClient client;

	@ParameterizedTest
	@ValueSource(strings = { "/api/lab/demos/fan-out?transport=in-process",
			"/api/lab/demos/fan-out/compare?runs=2&transport=in-process", "/api/lab/backends/profile?delay=1",
			"/api/lab/backends/stats", "/api/lab/jobs" })
	void measurementsAndCountersAreNotStored(String uri) {
		answeredNotStored(this.client.get().uri(uri));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "text/event-stream", "application/json" })
	void everyRepresentationOfAComparisonIsNotStoredAndVariesByAccept(String accept) {
		answeredNotStored(this.client.get()
			.uri("/api/lab/demos/fan-out/compare?runs=2&transport=in-process")
			.accept(MediaType.parseMediaType(accept))).expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT);
	}

	@Test
	void aJobsStateIsNotStoredFromItsStartToItsCancellation() {
		String location = Objects
			.requireNonNull(this.client.post()
				.uri("/api/lab/jobs?batches=100&batch-ms=50")
				.exchange()
				.expectStatus()
				.isAccepted()
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
				.returnResult(String.class)
				.getResponseHeaders()
				.getLocation())
			.toString();

		answeredNotStored(this.client.get().uri(location));
		answeredNotStored(this.client.delete().uri(location));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/lab/demos", "/api/lab/backends" })
	void descriptionsOfTheLabAreNotMarkedLive(String uri) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.CACHE_CONTROL);
	}

	private static WebTestClient.ResponseSpec answeredNotStored(WebTestClient.RequestHeadersSpec<?> request) {
		return request.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
