package dev.patterncatalog.catalog.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.patterncatalog.catalog.PatternDocument;
import dev.patterncatalog.system.HtmlPages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatternHtmlTests {

	private final PatternHtml pages = new PatternHtml(HtmlPages.standalone());

	@Test
	void rawHtmlInADocumentIsEscapedNeverPassedThrough() {
		String html = this.pages.render(document("<b>Title</b>", """
				# Hello

				<script>alert('body')</script>

				[click](javascript:alert(1))

				Inline <img src=x onerror=alert(2)> too.
				"""), Set.of());

		assertThat(html).doesNotContain("<script>", "<img", "javascript:", "<b>Title</b>")
			.contains("&lt;script&gt;alert(", "&lt;b&gt;Title&lt;/b&gt;", "<h1 id=\"hello\">Hello</h1>");
	}

	@Test
	void linksLeadOnlyToWebPagesMailAndPathsOfTheService() {
		String html = this.pages.render(document("Links", """
				[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
				[b](DATA:text/html,x) [c](vbscript:x) [d](file:///etc/passwd)
				[e](https://example.com/x) [f](mailto:a@example.com) [g](/api/patterns) [h](#problem)
				"""), Set.of());

		assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("data:", "vbscript:", "file:");
		assertThat(html).contains("href=\"https://example.com/x\"", "href=\"mailto:a@example.com\"",
				"href=\"/api/patterns\"", "href=\"#problem\"");
	}

	@Test
	void onlyCodeSpansNamingKnownPatternsBecomeLinks() {
		String html = this.pages.render(document("T", "- `known-one` and `unknown-two` and `Mono.zip`\n"),
				Set.of("known-one"));

		assertThat(html).contains("<a rel=\"nofollow\" href=\"/api/patterns/known-one\"><code>known-one</code></a>")
			.contains("<code>unknown-two</code>")
			.doesNotContain("/api/patterns/unknown-two");
	}

	@Test
	void aDocumentWithADemoLinksToItsLabPage() {
		String html = this.pages.render(document("T", "text", Map.of("demo", "fan-out")), Set.of());

		assertThat(html).contains("<a href=\"/lab/fan-out\">measured live: fan-out</a>",
				"choose the parameters, then every variant runs many times while you wait");
	}

	@Test
	void aDemoAttributeThatIsNotANameGivesNoLink() {
		for (Object demo : List.of("\"><script>alert(1)</script>", "../../actuator", "Fan Out", "", 42,
				List.of("fan-out"))) {
			String html = this.pages.render(document("T", "text", Map.of("demo", demo)), Set.of());

			assertThat(html).as(String.valueOf(demo)).doesNotContain("/lab/", "<script>", "measured live");
		}
		assertThat(this.pages.render(document("T", "text", Map.of()), Set.of())).doesNotContain("measured live");
	}

	private static PatternDocument document(String title, String body) {
		return document(title, body, Map.of());
	}

	private static PatternDocument document(String title, String body, Map<String, Object> attributes) {
		return new PatternDocument("x-one", title, "c", "all", "1.0.0", LocalDate.of(2026, 1, 1), List.of("t"),
				attributes, List.of(), PatternDocument.deflate(body), 0, "test");
	}

}
