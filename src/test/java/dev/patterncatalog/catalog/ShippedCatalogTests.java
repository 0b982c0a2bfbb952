package dev.patterncatalog.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents that ship with the service: all valid, all linked correctly.
 */
class ShippedCatalogTests {

	private final LiveCatalog catalog = new LiveCatalog(
			new CatalogProperties(null, true, true, false, java.time.Duration.ofMillis(300),
					java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60)),
			new PathMatchingResourcePatternResolver());

	@Test
	void everyShippedDocumentParsesWithoutAnyProblem() {
		Catalog current = this.catalog.current();

		assertThat(current.problems()).isEmpty();
		assertThat(current.documents()).hasSizeGreaterThanOrEqualTo(24);
	}

	@Test
	void everyRelatedLinkResolves() {
		Catalog current = this.catalog.current();

		for (PatternDocument document : current.documents()) {
			assertThat(current.related(document)).as(document.id()).isNotEmpty().noneMatch(RelatedPattern::missing);
		}
	}

	@Test
	void theCoreDocumentsAreThere() {
		assertThat(this.catalog.current().find("gen-pattern-003")).hasValueSatisfying((d) -> {
			assertThat(d.title()).isEqualTo("Async/Await Patterns");
			assertThat(d.related()).extracting(PatternDocument.RelatedLink::id)
				.contains("gen-pattern-002", "py-pattern-001", "js-pattern-001");
		});
		for (String id : List.of("gen-pattern-002", "py-pattern-001", "js-pattern-001")) {
			assertThat(this.catalog.current().find(id)).as(id).isPresent();
		}
	}

	@Test
	void everyDemoOfTheLatencyLabHasADocument() {
		List<Object> demos = this.catalog.current()
			.documents()
			.stream()
			.map((d) -> d.attributes().get("demo"))
			.filter(java.util.Objects::nonNull)
			.toList();

		assertThat(demos).contains("fan-out", "partial-failure", "timeout", "cancel-on-disconnect", "blocking", "retry",
				"circuit-breaker", "bulkhead", "rate-limiter", "time-limiter", "hedging", "tail-amplification");
	}

	@Test
	void everyDocumentHasJavaCodeAndEveryExampleALanguage() {
		for (PatternDocument document : this.catalog.current().documents()) {
			List<PatternDocument.CodeExample> examples = document.content()
				.solutions()
				.stream()
				.flatMap((s) -> s.examples().stream())
				.toList();
			assertThat(examples).as(document.id()).isNotEmpty().noneMatch((e) -> e.language().equals("text"));
			if (!document.language().equals("python") && !document.language().equals("javascript")) {
				assertThat(examples).as(document.id()).anyMatch((e) -> e.language().equals("java"));
			}
		}
	}

}
