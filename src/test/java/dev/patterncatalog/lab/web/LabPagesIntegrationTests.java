package dev.patterncatalog.lab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's pages, read as a browser reads them: the index links every demo, each demo's
 * form has a field for every parameter its description lists, with that default and those
 * bounds, and what the form sends is a request the lab takes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class LabPagesIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WebTestClient client;

	@Test
	void theIndexLinksEveryDemosPageAndItsPattern() {
		Document index = page("/lab");
		for (JsonNode demo : demos()) {
			String name = demo.get("name").asString();
			assertThat(index.select("a[href=/lab/" + name + "]")).as(name).hasSize(1);
			assertThat(index.select("a[href=/api/patterns/" + demo.get("pattern_id").asString() + "]")).as(name)
				.isNotEmpty();
		}
	}

	@Test
	void eachDemosFormHasAFieldForEveryParameterWithItsDefaultAndBounds() {
		for (JsonNode demo : demos()) {
			String name = demo.get("name").asString();
			FormElement form = form(page("/lab/" + name));
			assertThat(form.attr("action")).isEqualTo("/api/lab/demos/" + name + "/compare");
			List<String> fields = new ArrayList<>();
			for (JsonNode parameter : demo.get("parameters")) {
				String parameterName = parameter.get("name").asString();
				fields.add(parameterName);
				Element field = form.selectFirst("[name=" + parameterName + "]");
				assertThat(field).as(name + " " + parameterName).isNotNull();
				assertThat(form.select("label[for=" + parameterName + "]")).as(name + " " + parameterName + " label")
					.hasSize(1);
				String kind = parameter.get("kind").asString();
				if (List.of("integer", "ms", "fraction").contains(kind)) {
					assertThat(field.attr("type")).isEqualTo("number");
					assertNumber(field.attr("min"), parameter.get("min"), name + " " + parameterName + " min");
					assertNumber(field.attr("max"), parameter.get("max"), name + " " + parameterName + " max");
					String value = field.hasAttr("value") && !field.attr("value").isEmpty() ? field.attr("value")
							: field.attr("placeholder");
					assertThat(value).as(name + " " + parameterName + " default")
						.isEqualTo(parameter.get("default").asString());
				}
				else if (List.of("boolean", "choice").contains(kind)) {
					assertThat(field.selectFirst("option[selected]").text()).as(name + " " + parameterName)
						.isEqualTo(parameter.get("default").asString());
				}
				else {
					assertThat(field.attr("value")).isEqualTo(parameter.get("default").asString());
				}
			}
			assertThat(form.selectFirst("[name=runs]").attr("value")).isEqualTo(demo.get("default_runs").asString());
			assertThat(form.selectFirst("[name=concurrency]").attr("value"))
				.isEqualTo(demo.get("default_concurrency").asString());
			// the open model's settings, empty unless asked for
			assertThat(form.selectFirst("[name=rate]").attr("value")).isEmpty();
			assertThat(form.selectFirst("[name=duration]").attr("value")).isEmpty();
			fields.addAll(List.of("runs", "concurrency", "warmup", "rate", "duration"));
			assertThat(form.formData()).extracting(org.jsoup.Connection.KeyVal::key)
				.containsExactlyInAnyOrderElementsOf(fields);
		}
	}

	@Test
	void whatEachFormSendsIsTaken() {
		for (JsonNode demo : demos()) {
			String name = demo.get("name").asString();
			// a single run of the demo's parameters as the form sends them, without the
			// comparison's own settings, which a run does not take
			MultiValueMap<String, String> query = sent(form(page("/lab/" + name)));
			List.of("runs", "concurrency", "warmup", "rate", "duration").forEach(query::remove);
			query.set("transport", "in-process");
			this.client.get()
				.uri((uri) -> uri.path("/api/lab/demos/" + name).queryParams(query).build())
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void submittingAFormAnswersTheComparisonsPage() {
		MultiValueMap<String, String> query = sent(form(page("/lab/fan-out")));
		Map.of("runs", "3", "warmup", "0", "transport", "in-process").forEach(query::set);
		Document comparison = page(UriComponentsBuilder.fromPath("/api/lab/demos/fan-out/compare")
			.queryParams(query)
			.build()
			.toUriString());
		assertThat(comparison.select("h1").text()).startsWith("fan-out");
		// a header row and a row per variant
		assertThat(comparison.select("table tr")).hasSize(3);
	}

	@Test
	void aFormWithARateInPlaceOfRunsAnswersAnOpenModelComparison() {
		MultiValueMap<String, String> query = sent(form(page("/lab/fan-out")));
		Map.of("runs", "", "rate", "20", "duration", "300", "warmup", "0", "transport", "in-process")
			.forEach(query::set);
		Document comparison = page(UriComponentsBuilder.fromPath("/api/lab/demos/fan-out/compare")
			.queryParams(query)
			.build()
			.toUriString());
		assertThat(comparison.select("h1").text()).startsWith("fan-out");
		assertThat(comparison.text()).contains("20 runs per second");
	}

	/** What a browser sends for the form as it is: every field with its value. */
	private static MultiValueMap<String, String> sent(FormElement form) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		form.formData().forEach((field) -> query.add(field.key(), field.value()));
		return query;
	}

	private static void assertNumber(String attribute, JsonNode expected, String what) {
		if (expected == null || expected.isNull()) {
			assertThat(attribute).as(what).isEmpty();
		}
		else {
			assertThat(Double.parseDouble(attribute)).as(what).isEqualTo(expected.asDouble());
		}
	}

	private static FormElement form(Document page) {
		Element form = page.selectFirst("form");
		assertThat(form).isInstanceOf(FormElement.class);
		return (FormElement) form;
	}

	private Document page(String path) {
		String html = this.client.get()
			.uri(path)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return Jsoup.parse(html, "http://localhost/");
	}

	private JsonNode demos() {
		return this.json.readTree(this.client.get()
			.uri("/api/lab/demos")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

}
