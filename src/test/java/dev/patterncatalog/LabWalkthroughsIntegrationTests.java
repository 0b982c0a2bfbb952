package dev.patterncatalog;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walkthroughs of {@code src/docs/lab.md} that take several requests, made here as
 * the page shows them, and compared with the answers it shows. A context of its own (the
 * property below), so that the backend counters start from zero as they do for a reader
 * who has just started the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=lab-walkthroughs")
@AutoConfigureWebTestClient
class LabWalkthroughsIntegrationTests {

	private static final Path LAB = Path.of("src/docs/lab.md");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	@Test
	void hangingUpCancelsAttachedCallsAndLeavesDetachedOnesRunningAsTheCountsShow() throws IOException {
		List<String> shown = answerLines("hang-up");
		assertThat(shown).hasSize(3);

		try (Socket socket = request(
				"/api/lab/demos/cancel-on-disconnect?variant=attached&n=5&delay=5000&disconnect=0")) {
			await().atMost(Duration.ofSeconds(5)).until(() -> longBackend().get("in_flight").asInt() == 5);
		}
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(longBackend()).isEqualTo(parse(shown.get(0))));

		try (Socket socket = request(
				"/api/lab/demos/cancel-on-disconnect?variant=detached&n=5&delay=3000&disconnect=0")) {
			await().atMost(Duration.ofSeconds(2)).until(() -> longBackend().get("in_flight").asInt() == 5);
		}
		// right away: the client is gone, its calls are not
		assertThat(longBackend()).isEqualTo(parse(shown.get(1)));
		await().atMost(Duration.ofSeconds(6))
			.untilAsserted(() -> assertThat(longBackend()).isEqualTo(parse(shown.get(2))));
	}

	@Test
	void aCancelledJobFinishesItsBatchInProgressAndStartsNoOther() throws IOException {
		List<String> shown = answerLines("job");
		assertThat(shown.get(0)).isEqualTo("HTTP/1.1 202 Accepted");
		List<JsonNode> states = shown.subList(2, shown.size())
			.stream()
			.map(LabWalkthroughsIntegrationTests::parse)
			.toList();
		assertThat(states).extracting((state) -> state.get("state").asString())
			.containsExactly("RUNNING", "RUNNING", "CANCELLING", "CANCELLED");

		EntityExchangeResult<byte[]> started = this.client.post()
			.uri("/api/lab/jobs?batches=20&batch-ms=250")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.ACCEPTED)
			.expectBody()
			.returnResult();
		String location = started.getResponseHeaders().getLocation().toString();
		assertThat(shown.get(1)).startsWith("Location: /api/lab/jobs/");
		List<JsonNode> seen = new ArrayList<>();
		seen.add(parse(new String(started.getResponseBodyContent(), StandardCharsets.UTF_8)));
		seen.add(job("GET", location));
		seen.add(job("DELETE", location));
		await().atMost(Duration.ofSeconds(2))
			.until(() -> job("GET", location).get("state").asString().equals("CANCELLED"));
		seen.add(job("GET", location));

		for (int i = 0; i < states.size(); i++) {
			assertThat(seen.get(i).propertyNames()).as("fields of answer %d", i + 1)
				.containsExactlyInAnyOrderElementsOf(states.get(i).propertyNames());
			assertThat(seen.get(i).get("state")).isEqualTo(states.get(i).get("state"));
		}
		int atCancel = seen.get(2).get("completed_batches").asInt();
		int atEnd = seen.get(3).get("completed_batches").asInt();
		// the batch in progress when the job was cancelled finishes; no further one
		// starts
		assertThat(atEnd).isBetween(atCancel, atCancel + 1).isLessThan(20);
		assertThat(states.get(3).get("completed_batches").asInt() - states.get(2).get("completed_batches").asInt())
			.as("the page's own counts")
			.isBetween(0, 1);
	}

	/**
	 * The answer block after the walkthrough's marker and its block of commands, a line
	 * each.
	 */
	private static List<String> answerLines(String name) throws IOException {
		List<String> lines = Files.readAllLines(LAB, StandardCharsets.UTF_8);
		int marker = lines.indexOf("<!-- walkthrough: " + name + " -->");
		assertThat(marker).as("the walkthrough's marker in %s", LAB).isNotNegative();
		int commandsEnd = lines.subList(marker + 2, lines.size()).indexOf("```") + marker + 2;
		int open = commandsEnd + 1;
		int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
		return lines.subList(open + 1, close);
	}

	private JsonNode job(String method, String location) {
		byte[] body = this.client.method(HttpMethod.valueOf(method))
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		return parse(new String(body, StandardCharsets.UTF_8));
	}

	private JsonNode longBackend() {
		byte[] body = this.client.get()
			.uri("/api/lab/backends/stats")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent();
		for (JsonNode backend : parse(new String(body, StandardCharsets.UTF_8))) {
			if (backend.get("backend").asString().equals("long")) {
				return backend;
			}
		}
		throw new AssertionError("no backend 'long' in the counters");
	}

	private Socket request(String path) throws IOException {
		return RawRequests.get(this.port, path);
	}

	private static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

}
