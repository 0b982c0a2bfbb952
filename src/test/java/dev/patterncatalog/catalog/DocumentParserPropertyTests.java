package dev.patterncatalog.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser on thousands of generated documents: whatever the text, it answers with a
 * document or with problems, and never throws. Generation is seeded, so a failure names
 * the seed and the text that caused it, and repeats.
 */
class DocumentParserPropertyTests {

	private static final List<String> LINES = List.of("---", "...", "# Title", "## Problem", "## Solution: x",
			"## Solution", "## When to Use", "## When NOT to Use", "## Related Patterns", "## Extra", "```java", "```",
			"~~~", "~~~python", "- item", "- `gen-pattern-002` — x", "- see also", "**Python:**", "id: gen-pattern-9",
			"id: Bad_Id", "title: T", "title:", "category: c", "language: all", "version: 1.0.0", "version: 1.0",
			"created_at: 2026-01-01", "created_at: yesterday", "tags: [a, b]", "tags: a", "tags:", "  - a", "\t- b",
			"id: [", "key: {a: [", "demo: fan-out", "", " ", "\uFEFF", "\r", "\t", "🚀 ünïcode", "<script>x</script>");

	private static final String SYNTAX = "\n\r\t-#`~:[]{}";

	private final DocumentParser parser = new DocumentParser();

	@Test
	void anyDocumentLikeTextGivesADocumentOrProblems() {
		check(2000, (random) -> {
			List<String> lines = new ArrayList<>();
			for (int i = random.nextInt(40); i > 0; i--) {
				lines.add(random.nextInt(5) == 0 ? noise(random, 30) : LINES.get(random.nextInt(LINES.size())));
			}
			return String.join(random.nextBoolean() ? "\n" : "\r\n", lines);
		});
	}

	@Test
	void anyTextAtAllGivesADocumentOrProblems() {
		check(1000, (random) -> noise(random, 400));
	}

	@Test
	void wellFormedDocumentsParseWithoutErrors() {
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 500; i++) {
			String id = String.join("-", words(random, 1 + random.nextInt(3)));
			String title = String.join(" ", words(random, 1 + random.nextInt(4)));
			String newline = random.nextBoolean() ? "\n" : "\r\n";
			String fence = random.nextBoolean() ? "```" : "~~~";
			String text = String.join(newline, "---", "id: " + id, "title: \"" + title + "\"", "category: c",
					"language: all", "version: 1.2.3", "created_at: 2026-03-04",
					"tags: [" + String.join(", ", words(random, 1 + random.nextInt(4))) + "]", "---", "", "# " + title,
					"", "## Problem", title, "", "## Solution: " + title, title, fence + "java", "## not a heading",
					"---", fence, "", "## When to Use", "- " + title, "", "## Related Patterns", "- `" + id + "`");

			DocumentParser.Result result = this.parser.parse("generated.md", text);

			assertThat(result.hasErrors()).as(text).isFalse();
			assertThat(result.document().id()).isEqualTo(id);
			assertThat(result.document().content().solutions().get(0).examples()).hasSize(1);
		}
	}

	private void check(int tries, Function<SplittableRandom, String> generator) {
		for (int seed = 0; seed < tries; seed++) {
			String text = generator.apply(new SplittableRandom(seed));
			DocumentParser.Result result = this.parser.parse("generated.md", text);
			String context = "seed " + seed + ", text:\n" + text;
			assertThat(result.document() != null || result.hasErrors()).as(context).isTrue();
			if (result.document() != null) {
				assertThat(result.problems()).as(context)
					.noneMatch((p) -> p.severity() == CatalogProblem.Severity.ERROR);
				assertThat(PatternIds.isValid(result.document().id())).as(context).isTrue();
			}
			assertThat(result.problems()).as(context)
				.allSatisfy((p) -> assertThat(p.line() == null || p.line() >= 1).isTrue());
		}
	}

	private static String noise(SplittableRandom random, int maxLength) {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(maxLength); i > 0; i--) {
			int kind = random.nextInt(10);
			text.appendCodePoint((kind < 6) ? 32 + random.nextInt(95)
					: (kind < 8) ? SYNTAX.charAt(random.nextInt(SYNTAX.length())) : random.nextInt(0x1F000) + 1);
		}
		return text.toString();
	}

	private static List<String> words(SplittableRandom random, int count) {
		List<String> words = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			StringBuilder word = new StringBuilder();
			for (int j = 1 + random.nextInt(8); j > 0; j--) {
				word.append((char) ('a' + random.nextInt(26)));
			}
			words.add(word.toString());
		}
		return words;
	}

}
