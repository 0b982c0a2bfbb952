package dev.patterncatalog.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.patterncatalog.catalog.TestDocuments.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog folder is a boundary: what is hidden is passed over, and no symbolic link
 * leads out of it.
 */
class CatalogSourcesTests {

	@TempDir
	Path parent;

	@Test
	void hiddenFilesAndDirectoriesAreNotRead() throws IOException {
		Path folder = folder();
		write(folder.resolve("seen.md"));
		write(folder.resolve(".draft.md"));
		write(folder.resolve(".git/objects/stray.md"));
		write(folder.resolve("sub/.cache/stray.md"));

		CatalogSources.Listing listing = CatalogSources.list(folder);

		assertThat(listing.documents()).containsOnlyKeys(folder.resolve("seen.md"));
		assertThat(listing.problems()).isEmpty();
	}

	@Test
	void symbolicLinksAreRefusedWithAProblemNamingThem() throws IOException {
		Path folder = folder();
		Path outside = write(this.parent.resolve("elsewhere/secret.md"));
		Files.createSymbolicLink(folder.resolve("linked.md"), outside);
		Files.createSymbolicLink(folder.resolve("shadow.md"), Path.of("/etc/shadow"));
		Files.createSymbolicLink(folder.resolve("dir"), outside.getParent());

		CatalogSources.Listing listing = CatalogSources.list(folder);

		assertThat(listing.documents()).isEmpty();
		assertThat(listing.problems()).extracting(CatalogProblem::file)
			.containsExactlyInAnyOrder(uri(folder.resolve("linked.md")), uri(folder.resolve("shadow.md")),
					uri(folder.resolve("dir")));
		assertThat(listing.problems()).allSatisfy((problem) -> assertThat(problem.message())
			.isEqualTo("symbolic link refused: the catalog reads only files inside its folder"));
	}

	@Test
	void aFolderThatIsItselfALinkIsReadUnderItsConfiguredName() throws IOException {
		Path release = folder();
		write(release.resolve("one.md"));
		Path current = Files.createSymbolicLink(this.parent.resolve("current"), release);

		CatalogSources.Listing listing = CatalogSources.list(current);

		assertThat(listing.documents()).containsOnlyKeys(current.resolve("one.md"));
		assertThat(CatalogSources.sources(listing)).singleElement().satisfies((source) -> {
			assertThat(source.origin()).isEqualTo(uri(current.resolve("one.md")));
			assertThat(source.read().get().content()).contains("Some title");
		});
	}

	@Test
	void aMissingFolderIsAListingOfNothingThatSaysSo() {
		CatalogSources.Listing listing = CatalogSources.list(this.parent.resolve("absent"));

		assertThat(listing.present()).isFalse();
		assertThat(listing.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).isEqualTo("catalog location is not a folder"));
	}

	private Path folder() throws IOException {
		return Files.createDirectory(this.parent.resolve("docs"));
	}

	private static Path write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, document("some-id", "Some title", "x", List.of("t")));
	}

	private static String uri(Path path) {
		return path.toUri().toString();
	}

}
