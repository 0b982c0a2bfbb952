package dev.patterncatalog.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.patterncatalog.catalog.CatalogProblem.Severity;
import org.junit.jupiter.api.Test;

import static dev.patterncatalog.catalog.TestDocuments.document;
import static dev.patterncatalog.catalog.TestDocuments.file;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogBuilderTests {

	private final CatalogBuilder builder = new CatalogBuilder(
			Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void aBrokenDocumentIsLeftOutAndTheRestServed() {
		Catalog catalog = this.builder.build(List.of(file("a.md", document("a-one", "A", "x", List.of("t")), false),
				file("b.md", "---\nid: b-two\n---\n", false)), List.of(), null);

		assertThat(catalog.documents()).extracting(PatternDocument::id).containsExactly("a-one");
		assertThat(catalog.problems()).isNotEmpty()
			.allSatisfy((p) -> assertThat(p.file()).isEqualTo("file:/tmp/patterns/b.md"));
	}

	@Test
	void aDuplicateIdIsAnErrorAndTheFirstFileWins() {
		Catalog catalog = this.builder.build(List.of(file("b.md", document("same-id", "Second", "x", List.of()), false),
				file("a.md", document("same-id", "First", "x", List.of()), false)), List.of(), null);

		assertThat(catalog.find("same-id")).hasValueSatisfying((d) -> assertThat(d.title()).isEqualTo("First"));
		assertThat(catalog.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo("file:/tmp/patterns/b.md");
			assertThat(problem.line()).isEqualTo(2);
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.message()).contains("duplicate id 'same-id'", "file:/tmp/patterns/a.md");
		});
	}

	@Test
	void aFolderDocumentOverridesABuiltinOneWithTheSameId() {
		Catalog catalog = this.builder.build(List.of(file("x.md", document("shared", "Built in", "x", List.of()), true),
				file("x.md", document("shared", "Mine", "x", List.of()), false)), List.of(), null);

		assertThat(catalog.find("shared")).hasValueSatisfying((d) -> assertThat(d.title()).isEqualTo("Mine"));
		assertThat(catalog.problems()).isEmpty();
	}

	@Test
	void aDanglingRelatedLinkIsKeptAndFlagged() {
		Catalog catalog = this.builder
			.build(List.of(file("a.md", document("a-one", "A", "x", List.of(), "b-two", "nowhere-9"), false),
					file("b.md", document("b-two", "B", "x", List.of()), false)), List.of(), null);

		PatternDocument a = catalog.find("a-one").orElseThrow();
		assertThat(catalog.related(a)).extracting(RelatedPattern::id, RelatedPattern::missing)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("b-two", false),
					org.assertj.core.groups.Tuple.tuple("nowhere-9", true));
		assertThat(catalog.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.message()).isEqualTo("related pattern 'nowhere-9' does not exist");
			assertThat(problem.line()).isEqualTo(23);
		});
	}

	@Test
	void aDanglingLinkIsFoundOnItsOwnLineNotOnOneThatMerelyContainsIt() {
		String text = document("a-one", "A", "x", List.of(), "missing-1", "missing-1999");
		Catalog catalog = this.builder.build(List.of(file("a.md", text, false)), List.of(), null);

		assertThat(catalog.problems()).extracting(CatalogProblem::message, CatalogProblem::line)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("related pattern 'missing-1' does not exist",
							lineOf(text, "`missing-1`")),
					org.assertj.core.groups.Tuple.tuple("related pattern 'missing-1999' does not exist",
							lineOf(text, "`missing-1999`")));
		assertThat(lineOf(text, "`missing-1`")).isLessThan(lineOf(text, "`missing-1999`"));
	}

	@Test
	void twentyThousandDanglingLinksAreEachFoundOnTheirOwnLine() {
		String[] missing = new String[20_000];
		for (int i = 0; i < missing.length; i++) {
			missing[i] = "missing-" + i;
		}
		String text = document("a-one", "A", "x", List.of(), missing);
		int firstLink = lineOf(text, "`missing-0`");

		Catalog catalog = this.builder.build(List.of(file("a.md", text, false)), List.of(), null);

		assertThat(catalog.problems()).hasSize(missing.length);
		for (int i : new int[] { 0, 1, 10, 199, 1999, 19_999 }) {
			assertThat(catalog.problems().get(i).line()).as(missing[i]).isEqualTo(firstLink + i);
		}
	}

	private static int lineOf(String text, String fragment) {
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(fragment)) {
				return i + 1;
			}
		}
		throw new AssertionError(fragment + " is not in the text");
	}

	@Test
	void anUnreadableFileIsReported() {
		Catalog catalog = this.builder.build(
				List.of(SourceFile.unreadable("file:/tmp/patterns/bin.md", "not valid UTF-8 text")), List.of(), null);

		assertThat(catalog.documents()).isEmpty();
		assertThat(catalog.problems()).extracting(CatalogProblem::message)
			.containsExactly("unreadable: not valid UTF-8 text");
	}

	@Test
	void aFileThatBreaksKeepsItsLastGoodVersion() {
		Catalog good = this.builder.build(List.of(file("a.md", document("a-one", "Good", "x", List.of()), false)),
				List.of(), null);

		Catalog next = this.builder.build(List.of(file("a.md", "---\nid: a-one\ntitle: [broken\n---\n", false)),
				List.of(), good);

		assertThat(next.find("a-one")).hasValueSatisfying((d) -> assertThat(d.title()).isEqualTo("Good"));
		assertThat(next.problems()).extracting(CatalogProblem::severity, CatalogProblem::message)
			.anySatisfy((tuple) -> assertThat(tuple.toList().get(1).toString()).startsWith("malformed YAML"))
			.anySatisfy((tuple) -> assertThat(tuple.toList().get(1).toString())
				.isEqualTo("serving the last good version of 'a-one' until the errors above are fixed"));
		assertThat(next.version()).isNotEqualTo(good.version());
	}

	@Test
	void theVersionIsStableForTheSameContentAndChangesWithIt() {
		List<SourceFile> files = List.of(file("a.md", document("a-one", "A", "x", List.of()), false));
		Catalog first = this.builder.build(files, List.of(), null);
		Catalog again = this.builder.build(files, List.of(), null);
		Catalog changed = this.builder.build(List.of(file("a.md", document("a-one", "A2", "x", List.of()), false)),
				List.of(), null);

		assertThat(again.version()).isEqualTo(first.version());
		assertThat(changed.version()).isNotEqualTo(first.version());
	}

}
