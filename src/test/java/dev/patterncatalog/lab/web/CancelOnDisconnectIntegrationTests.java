package dev.patterncatalog.lab.web;

import java.io.IOException;
import java.net.Socket;
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
 * A real client on a plain socket asks for a long fan-out and hangs up mid-flight.
 * Attached calls are cancelled all the way down to the backends' timers; detached calls
 * run on for nobody.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CancelOnDisconnectIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	@Test
	void closingTheConnectionCancelsEveryBackendCallInFlight() throws IOException {
		Map<String, Number> before = stats();

		try (Socket socket = request(
				"/api/lab/demos/cancel-on-disconnect?variant=attached&n=5&delay=5000&disconnect=0")) {
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(stats().get("in_flight").intValue()).isEqualTo(5));
		}

		await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, Number> after = stats();
			assertThat(after.get("in_flight").intValue()).isZero();
			assertThat(after.get("cancelled").intValue() - before.get("cancelled").intValue()).isEqualTo(5);
			assertThat(after.get("completed").intValue()).isEqualTo(before.get("completed").intValue());
		});
	}

	@Test
	void detachedCallsKeepRunningAfterTheClientLeaves() throws IOException {
		Map<String, Number> before = stats();

		try (Socket socket = request(
				"/api/lab/demos/cancel-on-disconnect?variant=detached&n=3&delay=1500&disconnect=0")) {
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(stats().get("in_flight").intValue()).isEqualTo(3));
		}

		// the leak: a second after the client left, the calls are still in flight
		await().pollDelay(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(stats().get("in_flight").intValue()).isEqualTo(3));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Map<String, Number> after = stats();
			assertThat(after.get("in_flight").intValue()).isZero();
			assertThat(after.get("completed").intValue() - before.get("completed").intValue()).isEqualTo(3);
			assertThat(after.get("cancelled").intValue()).isEqualTo(before.get("cancelled").intValue());
		});
	}

	@Test
	void closingAComparisonStreamCancelsTheComparison() {
		Map<String, Number> before = stats();
		Disposable stream = WebClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/lab/demos/cancel-on-disconnect/compare?runs=100&concurrency=2&n=2&delay=3000&disconnect=0")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(String.class)
			.subscribe();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(stats().get("in_flight").intValue()).isEqualTo(4));

		stream.dispose();

		await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, Number> after = stats();
			assertThat(after.get("in_flight").intValue()).isZero();
			assertThat(after.get("cancelled").intValue() - before.get("cancelled").intValue()).isEqualTo(4);
		});
		int started = stats().get("started").intValue();
		await().pollDelay(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(stats().get("started").intValue()).isEqualTo(started));
	}

	private Socket request(String path) throws IOException {
		return RawRequests.get(this.port, path);
	}

	private Map<String, Number> stats() {
		List<Map<String, Object>> all = this.client.get()
			.uri("/api/lab/backends/stats")
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		return all.stream()
			.filter((s) -> "long".equals(s.get("backend")))
			.findFirst()
			.map((s) -> Map.of("in_flight", (Number) s.get("in_flight"), "completed", (Number) s.get("completed"),
					"cancelled", (Number) s.get("cancelled"), "started", (Number) s.get("started")))
			.orElse(Map.of("in_flight", 0, "completed", 0, "cancelled", 0, "started", 0));
	}

}
