package dev.patterncatalog.catalog;

import java.time.LocalDate;
import java.util.List;

import dev.patterncatalog.catalog.CatalogProblem.Severity;
import dev.patterncatalog.catalog.PatternDocument.CodeExample;
import dev.patterncatalog.catalog.PatternDocument.RelatedLink;
import org.junit.jupiter.api.Test;

import static dev.patterncatalog.catalog.TestDocuments.DOCUMENT;
import static dev.patterncatalog.catalog.TestDocuments.FRONT;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentParserTests {

	private final DocumentParser parser = new DocumentParser();

	@Test
	void parsesTheDocumentFormatIntoStructuredData() {
		DocumentParser.Result result = this.parser.parse("test.md", DOCUMENT);

		assertThat(result.problems()).isEmpty();
		PatternDocument document = result.document();
		assertThat(document).isNotNull();
		assertThat(document.id()).isEqualTo("gen-pattern-003");
		assertThat(document.title()).isEqualTo("Async/Await Patterns");
		assertThat(document.category()).isEqualTo("pattern");
		assertThat(document.language()).isEqualTo("all");
		assertThat(document.version()).isEqualTo("1.0.0");
		assertThat(document.createdAt()).isEqualTo(LocalDate.of(2026, 2, 24));
		assertThat(document.tags()).containsExactly("async", "timeout");
		assertThat(document.content().summary()).isEqualTo("A short lead.");
		assertThat(document.content().problem()).isEqualTo("Independent work is **awaited** one after another.");
		assertThat(document.content().solutions()).singleElement().satisfies((solution) -> {
			assertThat(solution.name()).isEqualTo("Parallel vs Sequential Execution");
			assertThat(solution.prose()).isEqualTo("Start them together.");
			assertThat(solution.examples()).containsExactly(
					new CodeExample("javascript", "JavaScript", "await Promise.all([a(), b()]);"),
					new CodeExample("python", "Python", "await asyncio.gather(a(), b())"));
		});
		assertThat(document.content().whenToUse()).containsExactly("several independent calls", "a `timeout` budget");
		assertThat(document.content().whenNotToUse()).containsExactly("dependent steps");
		assertThat(document.related()).containsExactly(new RelatedLink("gen-pattern-002", "Error Handling Patterns"),
				new RelatedLink("py-pattern-001", "Pythonic Patterns"));
		assertThat(document.content().sections()).isEmpty();
		assertThat(document.body()).startsWith("# Async/Await Patterns");
		assertThat(result.idLine()).isEqualTo(2);
	}

	@Test
	void crlfLineEndingsAndByteOrderMarkParseLikeLf() {
		String windows = "\uFEFF" + DOCUMENT.replace("\n", "\r\n");

		DocumentParser.Result result = this.parser.parse("test.md", windows);

		assertThat(result.problems()).isEmpty();
		assertThat(result.document()).usingRecursiveComparison()
			.isEqualTo(this.parser.parse("test.md", DOCUMENT).document());
	}

	@Test
	void tildeFencesAndFencesContainingFrontMatterOrHeadingLinesStayCode() {
		String document = FRONT + """
				## Problem
				p

				## Solution: Tricky code
				~~~yaml
				---
				## not a heading
				key: value
				~~~

				```markdown
				---
				# Title
				## Problem
				```

				## When to Use
				- always
				""";

		PatternDocument parsed = this.parser.parse("test.md", document).document();

		assertThat(parsed.content().solutions()).singleElement().satisfies((solution) -> {
			assertThat(solution.examples()).extracting(CodeExample::language).containsExactly("yaml", "markdown");
			assertThat(solution.examples().get(0).code()).isEqualTo("---\n## not a heading\nkey: value");
			assertThat(solution.examples().get(1).code()).isEqualTo("---\n# Title\n## Problem");
		});
		assertThat(parsed.content().problem()).isEqualTo("p");
		assertThat(parsed.content().whenToUse()).containsExactly("always");
	}

	@Test
	void unicodeIsKeptAsWritten() {
		String document = FRONT.replace("Async/Await Patterns", "Ünïcode — 非同期 🚀") + """
				## Problem
				Zeichen: ß, ø, 日本語, emoji 🚀.

				## Solution: Ωmega
				```python
				print("héllo")
				```
				""";

		DocumentParser.Result result = this.parser.parse("test.md", document);

		assertThat(result.problems()).isEmpty();
		assertThat(result.document().title()).isEqualTo("Ünïcode — 非同期 🚀");
		assertThat(result.document().content().problem()).isEqualTo("Zeichen: ß, ø, 日本語, emoji 🚀.");
		assertThat(result.document().content().solutions().get(0).name()).isEqualTo("Ωmega");
	}

	@Test
	void emptySectionsGiveEmptyValues() {
		String document = FRONT + """
				## Problem

				## Solution: Nothing yet

				## When to Use

				## When NOT to Use

				## Related Patterns
				""";

		PatternDocument parsed = this.parser.parse("test.md", document).document();

		assertThat(parsed).isNotNull();
		assertThat(parsed.content().solutions()).singleElement().satisfies((solution) -> {
			assertThat(solution.prose()).isEmpty();
			assertThat(solution.examples()).isEmpty();
		});
		assertThat(parsed.content().whenToUse()).isEmpty();
		assertThat(parsed.content().whenNotToUse()).isEmpty();
		assertThat(parsed.related()).isEmpty();
	}

	@Test
	void sectionsInAnotherOrderAndExtraSectionsAreKept() {
		String document = FRONT + """
				## Related Patterns
				- `gen-pattern-002`

				## Trade-offs
				Costs **memory**.

				### Details
				More.

				## When to Use
				- sometimes

				## Solution
				Plain solution.

				## Problem
				Late problem.
				""";

		PatternDocument parsed = this.parser.parse("test.md", document).document();

		assertThat(parsed.related()).containsExactly(new RelatedLink("gen-pattern-002", ""));
		assertThat(parsed.content().sections()).singleElement().satisfies((section) -> {
			assertThat(section.heading()).isEqualTo("Trade-offs");
			assertThat(section.markdown()).isEqualTo("Costs **memory**.\n\n### Details\nMore.");
		});
		assertThat(parsed.content().whenToUse()).containsExactly("sometimes");
		assertThat(parsed.content().solutions()).singleElement()
			.satisfies((s) -> assertThat(s.name()).isEqualTo("Solution"));
		assertThat(parsed.content().problem()).isEqualTo("Late problem.");
	}

	@Test
	void questionableButUsableContentIsAWarningAndTheDocumentIsKept() {
		String document = FRONT + """
				## Solution: Unlabelled
				```
				plain code
				```

				## Related Patterns
				- see the error handling document
				""";

		DocumentParser.Result result = this.parser.parse("warn.md", document);

		assertThat(result.document()).isNotNull();
		assertThat(result.document().content().solutions().get(0).examples())
			.containsExactly(new CodeExample("text", null, "plain code"));
		assertThat(result.problems()).allMatch((p) -> p.severity() == Severity.WARNING)
			.extracting(CatalogProblem::line, CatalogProblem::message)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(13, "code example without a language after its opening fence"),
					org.assertj.core.groups.Tuple.tuple(18,
							"related pattern item does not start with a pattern id: 'see the error handling document'"),
					org.assertj.core.groups.Tuple.tuple(null, "no '## Problem' section"));
	}

	@Test
	void aBoldLineNotFollowedByCodeIsProse() {
		String document = FRONT + """
				## Problem
				p

				## Solution: Labels
				**Note:**

				Just prose.
				""";

		PatternDocument parsed = this.parser.parse("test.md", document).document();

		assertThat(parsed.content().solutions().get(0).prose()).isEqualTo("**Note:**\n\nJust prose.");
	}

	@Test
	void arbitraryTextNeverThrows() {
		for (String text : List.of("", "\u0000\u0001", "---", "---\n---", "---\n: : :\n---", "---\n- a\n---",
				"---\nid: [\n---", "\uFEFF", "\r\r\r", "---\nid: x\n---\n" + "#".repeat(10_000))) {
			DocumentParser.Result result = this.parser.parse("fuzz.md", text);
			assertThat(result.document()).isNull();
			assertThat(result.problems()).isNotEmpty();
		}
	}

}
