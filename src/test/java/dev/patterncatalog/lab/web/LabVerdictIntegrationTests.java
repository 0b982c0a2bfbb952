package dev.patterncatalog.lab.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lab made slow on purpose, with one connection for all its calls over HTTP, says its
 * figures are distorted, and why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lab.client.max-connections=1", "lab.client.warmup-calls=0" })
@AutoConfigureWebTestClient(timeout = "30s")
class LabVerdictIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void aComparisonWhoseCallsQueueForTheOneConnectionIsDistortedByPoolWaitsAndOverhead() {
		this.client.get()
			.uri("/api/lab/demos/fan-out/compare?runs=6&concurrency=3&warmup=0&transport=http")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.verdict.status")
			.isEqualTo("distorted")
			.jsonPath("$.verdict.reasons[*].code")
			.value(List.class, (codes) -> assertThat(codes).contains("overhead", "pool-waits"))
			.jsonPath("$.verdict.overhead.p50_ms")
			.value(Double.class, (p50) -> assertThat(p50).isGreaterThan(50));
	}

	@Test
	void aSingleRunWhoseCallsQueueIsDistortedByOverhead() {
		this.client.get()
			.uri("/api/lab/demos/fan-out?variant=parallel&transport=http")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.verdict.status")
			.isEqualTo("distorted")
			.jsonPath("$.verdict.reasons[0].code")
			.isEqualTo("overhead")
			.jsonPath("$.calls[*].overhead_ms")
			.value(List.class, (overheads) -> assertThat(overheads).hasSize(3));
	}

}
