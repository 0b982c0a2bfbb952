package dev.patterncatalog.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static dev.patterncatalog.catalog.TestDocuments.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Broken documents dropped into a watched catalog folder while clients read it: no
 * request fails, the problems are reported, and the last good catalog keeps serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogReloadUnderLoadIntegrationTests {

	static final Path FOLDER = createFolder();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void catalogFolder(DynamicPropertyRegistry registry) {
		registry.add("catalog.location", () -> "file:" + FOLDER);
		registry.add("catalog.reload-debounce", () -> "50ms");
	}

	@AfterAll
	static void deleteFolder() throws IOException {
		FileSystemUtils.deleteRecursively(FOLDER);
	}

	@Test
	void brokenDocumentsUnderLoadFailNoRequest() throws Exception {
		AtomicBoolean loading = new AtomicBoolean(true);
		AtomicInteger requests = new AtomicInteger();
		Queue<String> failures = new ConcurrentLinkedQueue<>();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		List<String> paths = List.of("/api/patterns/mine-one", "/api/patterns?q=problem", "/api/facets",
				"/api/patterns/gen-pattern-003", "/api/catalog/problems");
		List<Future<?>> load = new java.util.ArrayList<>();
		for (int client = 0; client < 8; client++) {
			int offset = client;
			load.add(clients.submit(() -> {
				for (int i = offset; loading.get(); i++) {
					String path = paths.get(i % paths.size());
					HttpResponse<String> response = get(path);
					requests.incrementAndGet();
					if (response.statusCode() != 200) {
						failures.add(path + " -> " + response.statusCode() + " " + response.body());
					}
				}
				return null;
			}));
		}

		Thread.sleep(300);
		Files.writeString(FOLDER.resolve("one.md"), "---\nid: mine-one\ntitle: [broken\n---\n");
		Files.writeString(FOLDER.resolve("new.md"), "---\nid: Not_Valid\n---\n");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get("/api/catalog/problems").body()).contains("new.md", "one.md",
					"serving the last good version of 'mine-one'"));
		Thread.sleep(300);
		loading.set(false);
		for (Future<?> client : load) {
			client.get(10, TimeUnit.SECONDS);
		}
		clients.shutdown();

		assertThat(failures).isEmpty();
		assertThat(requests.get()).isGreaterThan(100);
		assertThat(get("/api/patterns/mine-one").body()).contains("\"title\":\"Mine\"");
	}

	private HttpResponse<String> get(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path createFolder() {
		try {
			Path folder = Files.createTempDirectory("catalog-under-load");
			Files.writeString(folder.resolve("one.md"), document("mine-one", "Mine", "x", List.of("t")));
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
