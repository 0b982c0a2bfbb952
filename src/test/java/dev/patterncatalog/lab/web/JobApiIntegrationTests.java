package dev.patterncatalog.lab.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Long-running lab jobs over a real socket: started, followed and cancelled through their
 * location.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class JobApiIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void aJobReportsProgressAndStopsCleanlyBetweenBatchesWhenCancelled() {
		String location = this.client.post()
			.uri("/api/lab/jobs?batches=100&batch-ms=50")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("RUNNING")
			.returnResult()
			.getResponseHeaders()
			.getFirst(HttpHeaders.LOCATION);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri(location)
				.exchange()
				.expectBody()
				.jsonPath("$.completed_batches")
				.value(Integer.class, (done) -> assertThat(done).isGreaterThanOrEqualTo(2)));

		this.client.delete().uri(location).exchange().expectStatus().isOk();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri(location)
				.exchange()
				.expectBody()
				.jsonPath("$.state")
				.isEqualTo("CANCELLED")
				.jsonPath("$.ended_at")
				.isNotEmpty()
				.jsonPath("$.completed_batches")
				.value(Integer.class, (done) -> assertThat(done).isBetween(2, 99)));
		this.client.get().uri("/api/lab/jobs/nope").exchange().expectStatus().isNotFound();
	}

}
