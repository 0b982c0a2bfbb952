package dev.patterncatalog.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogStartupTests {

	@TempDir
	Path folder;

	@Test
	void strictModeTurnsAnyProblemIntoAStartupFailure() throws IOException {
		Files.writeString(this.folder.resolve("broken.md"), "---\nid: broken\n---\n");

		new ApplicationContextRunner().withBean(LiveCatalog.class, () -> catalog(true)).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(CatalogInvalid.class)
				.hasMessageContaining("catalog.strict=true")
				.hasMessageContaining("broken.md:1: ERROR: missing required front-matter field 'title'");
		});
	}

	@Test
	void withoutStrictModeTheSameProblemIsOnlyReported() throws IOException {
		Files.writeString(this.folder.resolve("broken.md"), "---\nid: broken\n---\n");

		LiveCatalog catalog = catalog(false);

		assertThat(catalog.current().documents()).isEmpty();
		assertThat(catalog.current().problems()).hasSize(6);
	}

	@Test
	void aMissingFolderIsAProblemNotACrash() {
		LiveCatalog catalog = new LiveCatalog(properties(this.folder.resolve("absent").toString(), false),
				new PathMatchingResourcePatternResolver());

		assertThat(catalog.current().problems()).singleElement()
			.satisfies((p) -> assertThat(p.message()).isEqualTo("catalog location is not a folder"));
	}

	@Test
	void aFirstLoadPastItsTimeoutStopsTheStartup() throws IOException {
		// far more than a millisecond's work, however fast the machine
		for (int i = 0; i < 500; i++) {
			Files.writeString(this.folder.resolve("p" + i + ".md"),
					TestDocuments.DOCUMENT.replace("gen-pattern-003", "gen-pattern-" + i));
		}
		CatalogProperties properties = new CatalogProperties("file:" + this.folder, false, false, false,
				Duration.ofMillis(300), Duration.ofMillis(1), Duration.ofSeconds(60));

		new ApplicationContextRunner()
			.withBean(LiveCatalog.class, () -> new LiveCatalog(properties, new PathMatchingResourcePatternResolver()))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.isInstanceOf(IllegalStateException.class)
					.hasMessage("The catalog was not loaded within catalog.reload-timeout=PT0.001S");
			});
	}

	private LiveCatalog catalog(boolean strict) {
		return new LiveCatalog(properties("file:" + this.folder, strict), new PathMatchingResourcePatternResolver());
	}

	private static CatalogProperties properties(String location, boolean strict) {
		return new CatalogProperties(location, false, strict, false, Duration.ofMillis(300), Duration.ofSeconds(30),
				Duration.ofSeconds(60));
	}

}
