package dev.patterncatalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of the README and of {@code src/docs/} marked {@code <!-- checked -->} is
 * a request this test sends to the running service, and the answer shown after it must be
 * what the service answers, where the example shortens it with {@code ...} included. An
 * example marked {@code <!-- checked: shape -->} (the lab's, whose figures are measured
 * anew each time) must have the answer's shape: the same fields, and arrays of the same
 * lengths.
 * <p>
 * {@code ./mvnw test -Dtest=DocumentationExamplesIntegrationTests -Ddocs.write=true}
 * writes the answers of this run into the examples instead, shortened as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentationExamplesIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@TestFactory
	@DisabledIfSystemProperty(named = "docs.write", matches = "true")
	Stream<DynamicTest> everyCheckedExampleShowsWhatTheServiceAnswers() throws IOException {
		List<DocExample> examples = new ArrayList<>();
		for (Path file : DocExample.files()) {
			examples.addAll(DocExample.in(file));
		}
		assertThat(examples).as("checked examples in the README and src/docs").hasSizeGreaterThan(20);
		return examples.stream().map((example) -> DynamicTest.dynamicTest(example.toString(), () -> {
			assertThat(example.request().withHeaders()).as("%s: curl -i for an http answer", example)
				.isEqualTo(example.fence().equals("http"));
			String seen = example.write(send(example));
			assertThat(example.comparable(seen))
				.as("%s: the service's answer, against the one shown (-Ddocs.write=true writes it)", example)
				.isEqualTo(example.comparable(example.answer()));
		}));
	}

	@Test
	@EnabledIfSystemProperty(named = "docs.write", matches = "true")
	void writeTheServicesAnswersIntoTheExamples() throws IOException {
		for (Path file : DocExample.files()) {
			List<DocExample> examples = DocExample.in(file);
			List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
			// from the last, so that the line numbers of the ones before still hold
			for (int i = examples.size() - 1; i >= 0; i--) {
				DocExample example = examples.get(i);
				String answer = example.write(send(example));
				lines.subList(example.answerFrom(), example.answerTo()).clear();
				lines.addAll(example.answerFrom(), answer.lines().toList());
			}
			Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		}
	}

	private DocExample.Response send(DocExample example) throws IOException {
		DocExample.Request request = example.request();
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + request.pathAndQuery()))
			.timeout(Duration.ofMinutes(2))
			.method(request.method(), HttpRequest.BodyPublishers.noBody());
		request.headers().forEach(builder::header);
		try {
			HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new DocExample.Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
