package dev.patterncatalog.catalog.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog API over a real socket, on the built-in catalog.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PatternApiIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void listsSummariesSortedByTitleInPages() {
		this.client.get()
			.uri("/api/patterns")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.page")
			.isEqualTo(0)
			.jsonPath("$.size")
			.isEqualTo(20)
			.jsonPath("$.total")
			.isEqualTo(26)
			.jsonPath("$.items.length()")
			.isEqualTo(20)
			.jsonPath("$.items[0].title")
			.isEqualTo("Async/Await Patterns")
			.jsonPath("$.items[0].created_at")
			.isEqualTo("2026-02-24")
			.jsonPath("$.items[0].problem")
			.doesNotExist();
		this.client.get()
			.uri("/api/patterns?page=1&size=20")
			.exchange()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(6);
	}

	@Test
	void filtersByCategoryLanguageAndEveryTag() {
		this.client.get()
			.uri("/api/patterns?category=resilience&tag=retry&tag=resilience4j")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1)
			.jsonPath("$.items[0].id")
			.isEqualTo("gen-pattern-009");
		this.client.get()
			.uri("/api/patterns?language=python")
			.exchange()
			.expectBody()
			.jsonPath("$.items[*].id")
			.isEqualTo(List.of("py-pattern-001"));
	}

	@Test
	void searchesFullTextRankedByRelevance() {
		this.client.get()
			.uri("/api/patterns?q=jitter")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo("gen-pattern-009");
		this.client.get()
			.uri("/api/patterns?q=circuit breaker&sort=-created_at")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.value(Integer.class, (total) -> assertThat(total).isGreaterThan(1));
	}

	@Test
	void servesADocumentAsStructuredJson() {
		this.client.get()
			.uri("/api/patterns/gen-pattern-003")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.VARY, "Accept, Accept-Encoding")
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("gen-pattern-003")
			.jsonPath("$.attributes.demo")
			.isEqualTo("fan-out")
			.jsonPath("$.solutions[1].name")
			.isEqualTo("Parallel vs Sequential Execution")
			.jsonPath("$.solutions[1].examples[0].language")
			.isEqualTo("javascript")
			.jsonPath("$.solutions[1].examples[0].label")
			.isEqualTo("JavaScript")
			.jsonPath("$.when_to_use")
			.isNotEmpty()
			.jsonPath("$.when_not_to_use")
			.isNotEmpty()
			.jsonPath("$.related[0].id")
			.isEqualTo("gen-pattern-002")
			.jsonPath("$.markdown")
			.doesNotExist();
	}

	@Test
	void servesTheOriginalMarkdown() throws IOException {
		String file = new ClassPathResource("patterns/gen-pattern-003.md").getContentAsString(StandardCharsets.UTF_8);

		this.client.get()
			.uri("/api/patterns/gen-pattern-003")
			.accept(MediaType.parseMediaType("text/markdown"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/markdown;charset=UTF-8")
			.expectBody(String.class)
			.isEqualTo(file);
	}

	@Test
	void rendersHtmlWithHeadingAnchorsAndLinksToRelatedPatterns() {
		this.client.get()
			.uri("/api/patterns/gen-pattern-003")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/html;charset=UTF-8")
			.expectBody(String.class)
			.value((html) -> assertThat(html).startsWith("<!DOCTYPE html>")
				.contains("<title>Async/Await Patterns · Pattern Catalog</title>")
				.contains("<h2 id=\"problem\">Problem</h2>")
				.contains("<a rel=\"nofollow\" href=\"/api/patterns/gen-pattern-002\"><code>gen-pattern-002</code></a>")
				.contains("<pre tabindex=\"0\"><code class=\"language-java\">"));
	}

	@Test
	void resolvesRelatedPatternsToSummaries() {
		this.client.get()
			.uri("/api/patterns/gen-pattern-003/related")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("gen-pattern-003")
			.jsonPath("$.related[0].id")
			.isEqualTo("gen-pattern-002")
			.jsonPath("$.related[0].missing")
			.isEqualTo(false)
			.jsonPath("$.related[0].pattern.title")
			.isEqualTo("Error Handling Patterns")
			.jsonPath("$.related[?(@.missing == true)]")
			.isEmpty();
	}

	@Test
	void listsCodeExamplesOfOneLanguageOrAll() {
		this.client.get()
			.uri("/api/patterns/gen-pattern-003/examples?language=Python")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.language")
			.isEqualTo("python")
			.jsonPath("$.examples.length()")
			.isEqualTo(4)
			.jsonPath("$.examples[*].language")
			.value(List.class, (languages) -> assertThat(languages).containsOnly("python"))
			.jsonPath("$.examples[0].solution")
			.isEqualTo("Async/Await over Callbacks");
		this.client.get()
			.uri("/api/patterns/gen-pattern-003/examples")
			.exchange()
			.expectBody()
			.jsonPath("$.examples.length()")
			.isEqualTo(12);
		this.client.get()
			.uri("/api/patterns/gen-pattern-003/examples?language=cobol")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.examples")
			.isEmpty();
	}

	@Test
	void countsFacetsOverAllOrAFilteredSelection() {
		this.client.get()
			.uri("/api/facets")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.categories[0].value")
			.isEqualTo("resilience")
			.jsonPath("$.categories[0].count")
			.isEqualTo(8)
			.jsonPath("$.languages[0].value")
			.isEqualTo("all")
			.jsonPath("$.tags[0].value")
			.isEqualTo("resilience");
		this.client.get()
			.uri("/api/facets?category=performance")
			.exchange()
			.expectBody()
			.jsonPath("$.categories")
			.isEqualTo(List.of(Map.of("value", "performance", "count", 5)));
	}

	@Test
	void reportsLoadProblemsWithTheCatalogVersion() {
		this.client.get()
			.uri("/api/catalog/problems")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isNotEmpty()
			.jsonPath("$.loaded_at")
			.isNotEmpty()
			.jsonPath("$.documents")
			.isEqualTo(26)
			.jsonPath("$.problems")
			.isEmpty();
	}

}
