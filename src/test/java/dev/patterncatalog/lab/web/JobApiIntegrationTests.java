package dev.patterncatalog.lab.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

	@Test
	void aJobsSettingsComeFromTheQueryNotFromHeadersOfTheSameNames() {
		String location = this.client.post()
			.uri("/api/lab/jobs?batch-ms=1")
			.header("batches", "7")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.batches")
			.isEqualTo(20)
			.returnResult()
			.getResponseHeaders()
			.getFirst(HttpHeaders.LOCATION);
		this.client.delete().uri(location).exchange().expectStatus().isOk();
	}

	@Test
	void aJobStartedWithABodyIsRefusedAndNotStarted() {
		int jobsBefore = jobCount();
		this.client.post()
			.uri("/api/lab/jobs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"batches\":2,\"batch-ms\":10}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class,
					(detail) -> assertThat(detail).contains("'batches' and 'batch-ms' as query parameters"));
		// chunked: no Content-Length
		this.client.post()
			.uri("/api/lab/jobs?batches=2")
			.contentType(MediaType.TEXT_PLAIN)
			.body(Flux.just("batch-ms=10"), String.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(jobCount()).isEqualTo(jobsBefore);
		// an empty body is no body
		this.client.post()
			.uri("/api/lab/jobs?batches=1&batch-ms=1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("")
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	private int jobCount() {
		return this.client.get()
			.uri("/api/lab/jobs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody()
			.size();
	}

}
