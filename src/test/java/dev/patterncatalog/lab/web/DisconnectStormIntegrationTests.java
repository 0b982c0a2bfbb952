package dev.patterncatalog.lab.web;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.patterncatalog.RawRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thousand lab requests whose clients hang up at random moments, some before the answer
 * and some after: afterwards nothing is left in flight and every backend's counters add
 * up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DisconnectStormIntegrationTests {

	private static final int REQUESTS = 1000;

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	private final Queue<String> answered = new ConcurrentLinkedQueue<>();

	@Test
	void afterAThousandRandomDisconnectsNothingIsInFlightAndCountersAddUp() throws Exception {
		SplittableRandom random = new SplittableRandom(42);
		List<String> demos = List.of("cancel-on-disconnect?variant=attached&n=3&delay=%d&disconnect=0",
				"fan-out?variant=parallel&backends=notifications,notifications&transport=%s",
				"partial-failure?variant=fail-fast&transport=%s", "timeout?variant=fallback&delay=%d&timeout=50",
				"hedging?variant=hedged&hedge-after=5&transport=%s");
		ExecutorService clients = Executors.newFixedThreadPool(50);
		try {
			List<Future<?>> done = new java.util.ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				String demo = demos.get(random.nextInt(demos.size()));
				String path = "/api/lab/demos/" + (demo.contains("%d") ? demo.formatted(20 + random.nextInt(200))
						: demo.formatted(random.nextBoolean() ? "http" : "in-process"));
				// most clients hang up within 250 ms; a few are patient and wait for
				// their answer
				long hangUpAfter = (random.nextInt(10) < 8) ? random.nextInt(250) : 5000;
				done.add(clients.submit(() -> requestAndHangUp(path, hangUpAfter)));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			clients.shutdown();
		}

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			List<Map<String, Number>> stats = stats();
			assertThat(stats).isNotEmpty().allSatisfy((backend) -> {
				assertThat(backend.get("in_flight").longValue()).as(backend.toString()).isZero();
				assertThat(backend.get("completed").longValue() + backend.get("failed").longValue()
						+ backend.get("cancelled").longValue())
					.as(backend.toString())
					.isEqualTo(backend.get("started").longValue());
			});
		});
		assertThat(stats()).filteredOn((s) -> s.get("cancelled").longValue() > 0).isNotEmpty();
		// those that waited long enough got their answer, and no answer was a server
		// error
		assertThat(this.answered).hasSizeBetween(1, REQUESTS - 1)
			.allMatch((status) -> status.startsWith("HTTP/1.1 200"));
		this.client.get().uri("/api/lab/demos/fan-out?variant=parallel").exchange().expectStatus().isOk();
	}

	/**
	 * Sends a request and hangs up after the given time, noting the status line if the
	 * answer came first.
	 */
	private void requestAndHangUp(String path, long hangUpAfterMillis) {
		try (Socket socket = RawRequests.get(this.port, path)) {
			socket.setSoTimeout((int) Math.max(1, hangUpAfterMillis));
			byte[] status = socket.getInputStream().readNBytes(12);
			this.answered.add(new String(status, StandardCharsets.US_ASCII));
		}
		catch (SocketTimeoutException ex) {
			// hung up before the answer, as planned
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Map<String, Number>> stats() {
		List<Map<String, Object>> stats = this.client.get()
			.uri("/api/lab/backends/stats")
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		return stats.stream()
			.map((backend) -> Map.of("in_flight", (Number) backend.get("in_flight"), "started",
					(Number) backend.get("started"), "completed", (Number) backend.get("completed"), "failed",
					(Number) backend.get("failed"), "cancelled", (Number) backend.get("cancelled")))
			.toList();
	}

}
