package dev.patterncatalog.system;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number, yes-or-no and choice parameter the service describes, in its OpenAPI
 * description and in the lab's demo descriptors, refuses malformed values with a 400
 * problem that names it. The parameters are read from those descriptions, so one added
 * later is covered without a change here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class ParameterContractIntegrationTests {

	private static final List<String> NOT_NUMBERS = List.of("+1", "0x10", "\u0663", "\uFF11", "1_000", "12abc", "NaN",
			"Infinity", "1e999", "-9223372036854775809", "1,5", "[]");

	private static final Set<String> NUMBER_KINDS = Set.of("integer", "number", "ms", "fraction");

	/** Where a path variable is needed, a value that exists. */
	private static final Map<String, String> PATH_VALUES = Map.of("{id}", "gen-pattern-003", "{demo}", "fan-out",
			"{name}", "profile");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@Test
	void everyDescribedNumberChoiceAndFlagRefusesMalformedValuesNamingIt() {
		List<Case> cases = new ArrayList<>();
		JsonNode paths = read("/v3/api-docs").path("paths");
		for (String path : paths.propertyNames()) {
			for (String method : List.of("get", "post")) {
				for (JsonNode parameter : paths.path(path).path(method).path("parameters")) {
					String type = parameter.path("schema").path("type").asString("");
					if (parameter.path("in").asString().equals("query") && NUMBER_KINDS.contains(type)) {
						cases.add(new Case(method, fill(path), parameter.path("name").asString(), NOT_NUMBERS));
					}
				}
			}
		}
		for (JsonNode demo : read("/api/lab/demos")) {
			// refused while its parameters are read, before anything runs
			String path = "/api/lab/demos/" + demo.path("name").asString();
			for (JsonNode parameter : demo.path("parameters")) {
				String kind = parameter.path("kind").asString();
				List<String> values = NUMBER_KINDS.contains(kind) ? NOT_NUMBERS
						: kind.equals("boolean") ? List.of("yes", "1", "TRUE ", "truefalse")
								: kind.equals("choice") ? List.of("no-such-choice", "Parallel") : List.of();
				if (!values.isEmpty()) {
					cases.add(new Case("get", path, parameter.path("name").asString(), values));
				}
			}
		}
		assertThat(cases).as("parameters found")
			.hasSizeGreaterThan(25)
			.extracting(Case::parameter)
			.contains("page", "size", "batches", "batch-ms", "runs", "concurrency", "timeout", "error-rate",
					"transport");

		for (Case test : cases) {
			for (String value : test.values()) {
				// encoded here, exactly once: "+1" must arrive as a plus sign, not a
				// space
				String target = "http://localhost:" + this.port + test.path() + "?" + test.parameter() + "="
						+ URLEncoder.encode(value, StandardCharsets.UTF_8);
				this.client.method(HttpMethod.valueOf(test.method().toUpperCase()))
					.uri(URI.create(target))
					.exchange()
					.expectStatus()
					.value((status) -> assertThat(status).as(test.method() + " " + target).isEqualTo(400))
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectBody()
					.jsonPath("$.parameter")
					.isEqualTo(test.parameter());
			}
		}
	}

	private JsonNode read(String path) {
		String body = this.client.get().uri(path).exchange().expectBody(String.class).returnResult().getResponseBody();
		return this.json.readTree(body);
	}

	private static String fill(String path) {
		String filled = path;
		for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
			filled = filled.replace(value.getKey(), value.getValue());
		}
		return filled;
	}

	private record Case(String method, String path, String parameter, List<String> values) {
	}

}
