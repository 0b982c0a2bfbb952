package dev.patterncatalog.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import static dev.patterncatalog.catalog.TestDocuments.document;
import static org.awaitility.Awaitility.await;

/**
 * A catalog folder edited while the service runs: every change is served without a
 * restart, and a broken file keeps its last good version. Reloads run on boundedElastic
 * with BlockHound installed, so file I/O on an event loop would fail the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class LiveCatalogReloadIntegrationTests {

	static final Path FOLDER = createFolder();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void catalogFolder(DynamicPropertyRegistry registry) {
		registry.add("catalog.location", () -> "file:" + FOLDER);
		registry.add("catalog.include-builtin", () -> "false");
		registry.add("catalog.reload-debounce", () -> "100ms");
	}

	@AfterAll
	static void deleteFolder() throws IOException {
		FileSystemUtils.deleteRecursively(FOLDER);
	}

	@Test
	void addChangeBreakAndDeleteAreServedLive() throws IOException {
		title("mine-one", "First");

		write("two.md", document("mine-two", "Second", "x", List.of("t")));
		eventually(() -> title("mine-two", "Second"));

		write("one.md", document("mine-one", "First, edited", "x", List.of("t")));
		eventually(() -> title("mine-one", "First, edited"));

		write("one.md", "---\nid: mine-one\ntitle: [broken\n---\n");
		eventually(() -> this.client.get()
			.uri("/api/catalog/problems")
			.exchange()
			.expectBody()
			.jsonPath("$.problems[0].file")
			.isEqualTo(FOLDER.resolve("one.md").toUri().toString())
			.jsonPath("$.problems[0].severity")
			.isEqualTo("ERROR")
			.jsonPath("$.problems[1].message")
			.isEqualTo("serving the last good version of 'mine-one' until the errors above are fixed"));
		title("mine-one", "First, edited");

		Files.createDirectories(FOLDER.resolve("sub"));
		write("sub/three.md", document("mine-three", "Third", "x", List.of("t")));
		eventually(() -> title("mine-three", "Third"));

		Files.delete(FOLDER.resolve("two.md"));
		eventually(() -> this.client.get().uri("/api/patterns/mine-two").exchange().expectStatus().isNotFound());
		this.client.get().uri("/api/patterns").exchange().expectBody().jsonPath("$.total").isEqualTo(2);
	}

	private void title(String id, String title) {
		this.client.get()
			.uri("/api/patterns/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo(title);
	}

	private static void eventually(Runnable assertion) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion::run);
	}

	private static void write(String name, String content) throws IOException {
		Files.writeString(FOLDER.resolve(name), content);
	}

	private static Path createFolder() {
		try {
			Path folder = Files.createTempDirectory("catalog-reload");
			Files.writeString(folder.resolve("one.md"), document("mine-one", "First", "x", List.of("t")));
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
