package dev.patterncatalog.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand documents of the shipped ones' size load, and can be searched. How long it
 * takes and what memory it needs are for the catalog benchmark script
 * ({@code src/benchmark/catalog-benchmark.sh}), not for this test.
 */
class LargeCatalogTests {

	private static final int DOCUMENTS = 10_000;

	@TempDir
	Path folder;

	@Test
	void tenThousandDocumentsLoadAndAreSearched() throws IOException {
		List<String> shipped = CatalogSources.builtin(new PathMatchingResourcePatternResolver())
			.stream()
			.map(SourceFile::content)
			.toList();
		for (int i = 0; i < DOCUMENTS; i++) {
			String text = shipped.get(i % shipped.size())
				.replaceFirst("(?m)^id: .*$", "id: \"large-" + i + "\"")
				.replaceFirst("(?m)^title: \"?(.*?)\"?$", "title: \"$1 " + i + "\"");
			Path file = this.folder.resolve("part-" + (i / 1000)).resolve("large-" + i + ".md");
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}

		LiveCatalog catalog = new LiveCatalog(new CatalogProperties("file:" + this.folder, true, false, false,
				Duration.ofMillis(300), Duration.ofMinutes(2), Duration.ofSeconds(60)),
				new PathMatchingResourcePatternResolver());

		assertThat(catalog.current().documents()).hasSize(DOCUMENTS + shipped.size());
		assertThat(catalog.current().problems()).isEmpty();
		PatternPage found = catalog.current()
			.search(new PatternQuery(new PatternFilter(null, null, List.of(), "9999"), 0, 5,
					PatternQuery.Order.BY_RELEVANCE));
		assertThat(found.items()).extracting(PatternSummary::id).containsExactly("large-9999");
	}

}
