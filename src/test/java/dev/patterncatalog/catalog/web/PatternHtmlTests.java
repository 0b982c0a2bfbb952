package dev.patterncatalog.catalog.web;

import java.util.Set;

import dev.patterncatalog.catalog.PatternDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatternHtmlTests {

	@Test
	void rawHtmlInADocumentIsEscapedNeverPassedThrough() {
		String html = PatternHtml.render(document("<b>Title</b>", """
				# Hello

				<script>alert('body')</script>

				[click](javascript:alert(1))

				Inline <img src=x onerror=alert(2)> too.
				"""), Set.of());

		assertThat(html).doesNotContain("<script>", "<img", "javascript:", "<b>Title</b>")
			.contains("&lt;script&gt;alert(", "&lt;b&gt;Title&lt;/b&gt;", "<h1 id=\"hello\">Hello</h1>");
	}

	@Test
	void onlyCodeSpansNamingKnownPatternsBecomeLinks() {
		String html = PatternHtml.render(document("T", "- `known-one` and `unknown-two` and `Mono.zip`\n"),
				Set.of("known-one"));

		assertThat(html).contains("<a rel=\"nofollow\" href=\"/api/patterns/known-one\"><code>known-one</code></a>")
			.contains("<code>unknown-two</code>")
			.doesNotContain("/api/patterns/unknown-two");
	}

	private static PatternDocument document(String title, String body) {
		return new PatternDocument("x-one", title, "c", "all", "1.0.0", java.time.LocalDate.of(2026, 1, 1),
				java.util.List.of("t"), java.util.Map.of(), "", "", java.util.List.of(), java.util.List.of(),
				java.util.List.of(), java.util.List.of(), java.util.List.of(), body, body, "test");
	}

}
