package dev.patterncatalog.catalog;

import java.util.List;
import java.util.Map;

import dev.patterncatalog.catalog.CatalogProblem.Severity;
import org.junit.jupiter.api.Test;

import static dev.patterncatalog.catalog.TestDocuments.DOCUMENT;
import static dev.patterncatalog.catalog.TestDocuments.FRONT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The YAML front matter of a document, read through the parser: what it accepts, and the
 * error it gives, at which line, for what it does not.
 */
class FrontMatterTests {

	private final DocumentParser parser = new DocumentParser();

	@Test
	void tabsIndentingFrontMatterAreAccepted() {
		String tabbed = DOCUMENT.replace("  - async\n  - timeout", "\t- async\n\t- timeout");

		DocumentParser.Result result = this.parser.parse("test.md", tabbed);

		assertThat(result.problems()).isEmpty();
		assertThat(result.document().tags()).containsExactly("async", "timeout");
	}

	@Test
	void unknownFrontMatterKeysAreKeptAsAttributes() {
		String document = FRONT.replace("tags:", "demo: fan-out\nauthors:\n  - ana\n  - li\nreview: {by: sam}\ntags:")
				+ "## Problem\np\n## Solution: s\nx\n";

		PatternDocument parsed = this.parser.parse("test.md", document).document();

		assertThat(parsed.attributes()).containsExactly(Map.entry("demo", "fan-out"),
				Map.entry("authors", List.of("ana", "li")), Map.entry("review", Map.of("by", "sam")));
	}

	@Test
	void malformedYamlIsAnErrorAtItsLine() {
		String document = FRONT.replace("category: \"pattern\"", "category: [unclosed") + "## Problem\n";

		DocumentParser.Result result = this.parser.parse("bad.md", document);

		assertThat(result.document()).isNull();
		assertThat(result.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("bad.md");
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.message()).isEqualTo(
					"malformed YAML front matter: while parsing a flow sequence; expected ',' or ']', but got :");
			assertThat(problem.line()).isBetween(4, 6);
		});
	}

	@Test
	void frontMatterNestedTooDeepIsAnErrorThatNamesTheLimitNotJavaInternals() {
		String document = FRONT.replace("category: \"pattern\"", "category: " + "[".repeat(1500) + "]".repeat(1500))
				+ "## Problem\n";

		DocumentParser.Result result = this.parser.parse("deep.md", document);

		assertThat(result.document()).isNull();
		assertThat(result.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.message()).startsWith("malformed YAML front matter: ")
				.contains("nesting depth")
				.doesNotContain("StreamReadConstraints", "`");
		});
	}

	@Test
	void aKeyGivenTwiceIsAnErrorNotTheLastValueKept() {
		String document = FRONT.replace("category:", "title: \"Another title\"\ncategory:") + "## Problem\n";

		DocumentParser.Result result = this.parser.parse("twice.md", document);

		assertThat(result.document()).isNull();
		assertThat(result.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.message()).isEqualTo("malformed YAML front matter: Duplicate Object property \"title\"");
			assertThat(problem.line()).isEqualTo(4);
		});
	}

	@Test
	void aliasesAndMergeKeysAreRefusedAtTheirLines() {
		String document = FRONT.replace("category: \"pattern\"", "category: &cat pattern\nlanguage2: *cat")
			.replace("version: \"1.0.0\"", "version: \"1.0.0\"\nextra:\n  <<: {a: 1}") + "## Problem\n";

		DocumentParser.Result result = this.parser.parse("refs.md", document);

		assertThat(result.document()).isNull();
		assertThat(result.problems()).extracting(CatalogProblem::line, CatalogProblem::message)
			.containsExactly(
					tuple(5, "front matter uses an alias (*cat): write each value out, aliases and merge keys are"
							+ " not supported"),
					tuple(9, "front matter uses a merge key (<<): write each value out, aliases and merge keys are"
							+ " not supported"));
	}

	@Test
	void everyMissingRequiredFieldIsNamed() {
		String document = "---\nid: lonely\n---\n## Problem\np\n## Solution: s\n";

		DocumentParser.Result result = this.parser.parse("bad.md", document);

		assertThat(result.document()).isNull();
		assertThat(result.problems()).extracting(CatalogProblem::message)
			.containsExactly("missing required front-matter field 'title'",
					"missing required front-matter field 'category'", "missing required front-matter field 'language'",
					"missing required front-matter field 'version'", "missing required front-matter field 'created_at'",
					"missing required front-matter field 'tags'");
	}

	@Test
	void invalidFieldValuesAreErrorsAtTheirLines() {
		String document = FRONT.replace("\"gen-pattern-003\"", "\"Gen_Pattern 3\"")
			.replace("\"1.0.0\"", "1.0")
			.replace("\"2026-02-24\"", "\"24/02/2026\"")
			.replace("tags:\n  - async\n  - timeout", "tags: async");

		DocumentParser.Result result = this.parser.parse("bad.md", document);

		assertThat(result.document()).isNull();
		assertThat(result.problems()).extracting(CatalogProblem::line, CatalogProblem::message)
			.containsExactly(
					tuple(2, "id 'Gen_Pattern 3' must be lowercase words of letters and"
							+ " digits joined by '-' (at most 100 characters)"),
					tuple(6, "version '1.0' is not a semantic version such as 1.0.0"),
					tuple(7, "'created_at' value '24/02/2026' is not an ISO date such as 2026-02-24"),
					tuple(8, "'tags' must be a list, such as [async, timeout]"));
	}

	@Test
	void aDocumentWithoutFrontMatterIsAnError() {
		assertThat(this.parser.parse("a.md", "# Just Markdown\n").problems()).extracting(CatalogProblem::message)
			.containsExactly("a document must start with a '---' line opening its YAML front matter");
		assertThat(this.parser.parse("b.md", "---\nid: x\n# never closed\n").problems())
			.extracting(CatalogProblem::message)
			.containsExactly("front matter is not closed by a '---' line");
		assertThat(this.parser.parse("c.md", "---\n---\n").problems()).extracting(CatalogProblem::message)
			.containsExactly("front matter must be a YAML mapping of keys");
	}

}
