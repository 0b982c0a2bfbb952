package dev.patterncatalog.lab.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.patterncatalog.RawRequests;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lab's bounds hold against a client that asks for too much or stops reading: what
 * one comparison may hold, what all of them may hold together, how long a comparison may
 * last, and ad-hoc backends that cannot crowd out the demos' own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lab.limits.max-comparison-duration=2s", "lab.guard.max-compares=1",
				"lab.guard.compares-per-second=100", "lab.limits.max-calls-in-flight=50",
				"lab.limits.max-total-calls-in-flight=60", "lab.limits.max-delay=20s" })
@AutoConfigureWebTestClient(timeout = "30s")
class LabLimitsIntegrationTests {

	private static final String QUICK_COMPARISON = "/api/lab/demos/fan-out/compare?runs=1&warmup=0"
			+ "&transport=in-process&backends=notifications";

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	@Test
	void aBackendsLatencyIsBoundedByTheConfiguredMaximumInTheDescriptionAndInACall() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectBody()
			.jsonPath("$.paths['/api/lab/backends/{name}'].get.parameters[?(@.name == 'delay')].schema.maximum")
			.isEqualTo(List.of(20000))
			.jsonPath("$.paths['/api/lab/backends/{name}'].get.parameters[?(@.name == 'p99')].schema.maximum")
			.isEqualTo(List.of(20000));
		this.client.get()
			.uri("/api/lab/backends/profile?delay=20001")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("delay");
	}

	@Test
	void aComparisonThatWouldHoldMoreCallsThanAllowedIsRefusedNamingTheLimit() {
		this.client.get()
			.uri("/api/lab/demos/tail-amplification/compare?n=100&concurrency=1")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("concurrency")
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("up to 100 backend calls in flight",
					"lab.limits.max-calls-in-flight = 50"));
	}

	@Test
	void aStalledReaderLosesItsComparisonAtTheDeadlineAndTheNextOneIsTaken() throws IOException {
		try (Socket stalled = RawRequests.get(this.port,
				"/api/lab/demos/cancel-on-disconnect/compare?runs=100&concurrency=5&n=5&delay=1000&disconnect=0"
						+ "&transport=in-process",
				"Accept: text/event-stream")) {
			// the stalled comparison holds the only permit
			await().atMost(Duration.ofSeconds(1))
				.untilAsserted(() -> this.client.get().uri(QUICK_COMPARISON).exchange().expectStatus().isEqualTo(503));

			// two seconds later it is stopped, and the next comparison is taken
			await().pollDelay(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.client.get().uri(QUICK_COMPARISON).exchange().expectStatus().isOk());
			// what the stalled client will read: the stream ends with an event that says
			// why
			assertThat(readUntil(stalled, "\n\n", "event:error")).startsWith("HTTP/1.1 200")
				.contains("Comparison too long", "lab.limits.max-comparison-duration");
		}
	}

	@Test
	void runsAndComparisonsShareOneBudgetOfCallsInFlight() {
		Disposable holding = WebClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/lab/demos/cancel-on-disconnect?n=50&delay=5000&disconnect=0&transport=in-process")
			.retrieve()
			.bodyToMono(String.class)
			.subscribe();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> inFlight("long") == 50);

			this.client.get()
				.uri("/api/lab/demos/tail-amplification?n=20&transport=in-process")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.detail")
				.value(String.class, (detail) -> assertThat(detail).contains("lab.limits.max-total-calls-in-flight"));
			// three more calls still fit
			this.client.get()
				.uri("/api/lab/demos/fan-out?variant=parallel&transport=in-process")
				.exchange()
				.expectStatus()
				.isOk();
		}
		finally {
			holding.dispose();
		}
	}

	@Test
	void adHocBackendsCannotCrowdOutTheDemosOwnBackends() {
		for (int i = 0; i < 250; i++) {
			this.client.get()
				.uri("/api/lab/backends/junk-" + i + "?model=fixed&delay=0")
				.exchange()
				.expectStatus()
				.isOk();
		}

		// the timeout demo's own backend 'slow', over HTTP
		this.client.get()
			.uri("/api/lab/demos/timeout?variant=fallback&delay=10")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result")
			.isEqualTo("ok")
			.jsonPath("$.calls[0].outcome")
			.isEqualTo("ok");
		assertThat(stats()).filteredOn((backend) -> String.valueOf(backend.get("backend")).startsWith("junk-"))
			.hasSizeLessThanOrEqualTo(200);
	}

	/**
	 * What the socket received, up to the end of the event {@code marker} starts.
	 */
	private static String readUntil(Socket socket, String end, String marker) throws IOException {
		socket.setSoTimeout(5000);
		InputStream in = socket.getInputStream();
		StringBuilder received = new StringBuilder();
		byte[] buffer = new byte[8192];
		while (received.indexOf(marker) < 0 || received.indexOf(end, received.indexOf(marker)) < 0) {
			int read = in.read(buffer);
			if (read < 0) {
				break;
			}
			received.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
		}
		return received.toString();
	}

	private int inFlight(String backend) {
		return stats().stream()
			.filter((stats) -> backend.equals(stats.get("backend")))
			.mapToInt((stats) -> ((Number) stats.get("in_flight")).intValue())
			.sum();
	}

	private List<Map<String, Object>> stats() {
		return this.client.get()
			.uri("/api/lab/backends/stats")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
