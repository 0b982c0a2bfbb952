package dev.patterncatalog.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live OpenAPI description passes Spectral's OpenAPI ruleset ({@code spectral:oas})
 * with no error and no warning. Spectral comes from the npm registry: {@code .ci/run}
 * installs it into {@code target/tools}, and sets {@code REQUIRE_SPECTRAL} so that CI
 * fails rather than skips without it; elsewhere the test is skipped, saying so, when it
 * is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SpectralLintIntegrationTests {

	private static final Path SPECTRAL = Path.of("target/tools/node_modules/.bin/spectral");

	@Autowired
	WebTestClient client;

	@Test
	void theDescriptionHasNoErrorOrWarningOfTheOpenApiRuleset(@TempDir Path work) throws Exception {
		if (!Files.isExecutable(SPECTRAL)) {
			assertThat(System.getenv("REQUIRE_SPECTRAL")).as("Spectral is required here, at " + SPECTRAL).isNull();
			Assumptions.abort("Spectral is not installed at " + SPECTRAL
					+ " (npm install --prefix target/tools @stoplight/spectral-cli, as .ci/run does)");
		}
		Path description = work.resolve("openapi.json");
		Files.write(description,
				this.client.get().uri("/v3/api-docs").exchange().expectBody().returnResult().getResponseBody());
		Path ruleset = work.resolve(".spectral.yaml");
		Files.writeString(ruleset, "extends: [\"spectral:oas\"]\n");
		Path report = work.resolve("report.json");
		Process spectral = new ProcessBuilder(SPECTRAL.toAbsolutePath().toString(), "lint", description.toString(),
				"--ruleset", ruleset.toString(), "--format", "json", "--output", report.toString(), "--fail-severity",
				"hint")
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("spectral.log").toFile())
			.start();
		assertThat(spectral.waitFor(3, TimeUnit.MINUTES)).as("Spectral finished").isTrue();
		List<String> problems = problems(report);
		assertThat(problems).as("Spectral's findings (%s)", log(work)).isEmpty();
	}

	private static List<String> problems(Path report) throws IOException {
		JsonNode findings = JsonMapper.builder().build().readTree(Files.readString(report, StandardCharsets.UTF_8));
		return findings.valueStream()
			.filter((finding) -> finding.path("severity").asInt() <= 1)
			.map((finding) -> finding.path("code").asString() + " at " + finding.path("path") + ": "
					+ finding.path("message").asString())
			.toList();
	}

	private static String log(Path work) throws IOException {
		return Files.readString(work.resolve("spectral.log"), StandardCharsets.UTF_8).strip();
	}

}
