package dev.patterncatalog.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.FileSystemUtils;

import static dev.patterncatalog.catalog.TestDocuments.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A catalog folder treated as editors, version control and deployments treat folders:
 * edits while a reload runs, directories created and removed at once, the folder deleted
 * and recreated, a file written slowly. After each, what was written last is served
 * within a bounded time, and nothing is lost.
 */
class LiveCatalogStressTests {

	private static final Duration SERVED_WITHIN = Duration.ofSeconds(15);

	@TempDir
	Path parent;

	private Path folder;

	private LiveCatalog catalog;

	private final List<Catalog> versions = new CopyOnWriteArrayList<>();

	private Disposable recording;

	@BeforeEach
	void start() throws IOException {
		this.folder = Files.createDirectory(this.parent.resolve("docs"));
		// enough documents that a reload takes a while, so that edits land during one
		for (int i = 0; i < 300; i++) {
			write("bulk/p" + i + ".md", document("bulk-" + i, "Bulk " + i, "x", List.of("t")));
		}
		this.catalog = new LiveCatalog(new CatalogProperties("file:" + this.folder, false, false, true,
				Duration.ofMillis(150), Duration.ofSeconds(30), Duration.ofSeconds(60)),
				new PathMatchingResourcePatternResolver());
		this.catalog.afterSingletonsInstantiated();
		this.catalog.start();
		this.recording = this.catalog.versions().subscribe(this.versions::add);
	}

	@AfterEach
	void stop() {
		this.recording.dispose();
		this.catalog.stop();
	}

	@Test
	void editsDuringReloadsAreCoalescedAndNoneIsLost() throws Exception {
		for (int round = 0; round < 40; round++) {
			int file = round % 8;
			write("edit" + file + ".md", document("edit-" + file, "Round " + round, "x", List.of("t")));
			// sometimes within the debounce, sometimes in the middle of the reload it
			// started
			Thread.sleep(round * 7 % 120);
		}

		for (int file = 0; file < 8; file++) {
			int last = 32 + file;
			servedWithin("edit-" + file, "Round " + last);
		}
		assertThat(this.catalog.current().documents()).hasSize(308);
		assertThat(this.catalog.freshness().stale()).isFalse();
		assertThat(this.catalog.freshness().watching()).isEqualTo("events");
	}

	@Test
	void directoriesThatComeAndGoLeaveTheWatchWorking() throws Exception {
		for (int round = 0; round < 5; round++) {
			for (char a = 'a'; a <= 'h'; a++) {
				for (int b = 1; b <= 4; b++) {
					Files.createDirectories(this.folder.resolve("t/" + a + "/" + b));
				}
			}
			FileSystemUtils.deleteRecursively(this.folder.resolve("t"));
		}

		write("later/new.md", document("later-one", "Later", "x", List.of("t")));
		servedWithin("later-one", "Later");
		write("later/deeper/new.md", document("later-two", "Deeper", "x", List.of("t")));
		servedWithin("later-two", "Deeper");
		assertThat(this.catalog.freshness().watching()).isEqualTo("events");
	}

	@Test
	void aFolderDeletedAndRecreatedKeepsItsCatalogMeanwhileAndIsWatchedAgain() throws Exception {
		FileSystemUtils.deleteRecursively(this.folder);

		await().atMost(SERVED_WITHIN).until(() -> this.catalog.freshness().stale());
		assertThat(this.catalog.freshness().reason()).contains("is missing");
		assertThat(this.catalog.current().find("bulk-1")).isPresent();
		Health health = new CatalogHealthIndicator(this.catalog).health().block();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("stale", true)
			.containsEntry("watching", "events")
			.containsKey("staleSince")
			.hasEntrySatisfying("staleReason", (reason) -> assertThat((String) reason).contains("is missing"));

		Files.createDirectory(this.folder);
		write("back.md", document("back-again", "Back", "x", List.of("t")));
		servedWithin("back-again", "Back");
		assertThat(this.catalog.current().documents()).hasSize(1);
		assertThat(this.catalog.freshness().stale()).isFalse();

		write("sub/more.md", document("back-more", "More", "x", List.of("t")));
		servedWithin("back-more", "More");
	}

	@Test
	void aFileIsReadOnlyOnceItHasStoppedChanging() throws Exception {
		String text = document("slow-one", "Slowly written", "x", List.of("t"));
		Path file = this.folder.resolve("slow.md");
		// a chunk every 10 ms, well within the 150 ms debounce
		for (int at = 0; at < text.length(); at += 4) {
			Files.writeString(file, text.substring(0, Math.min(text.length(), at + 4)));
			Thread.sleep(10);
		}

		servedWithin("slow-one", "Slowly written");
		assertThat(this.versions).allSatisfy(
				(version) -> assertThat(version.problems()).noneMatch((problem) -> problem.file().endsWith("slow.md")));
	}

	@Test
	void aFolderThatCannotBeWatchedIsRescannedAndSaysSo() throws Exception {
		Path unwatchable = this.parent.resolve("not-yet/docs");
		LiveCatalog rescanned = new LiveCatalog(new CatalogProperties("file:" + unwatchable, false, false, true,
				Duration.ofMillis(150), Duration.ofSeconds(30), Duration.ofSeconds(60)),
				new PathMatchingResourcePatternResolver());
		rescanned.afterSingletonsInstantiated();
		rescanned.start();
		try {
			assertThat(rescanned.freshness().watching()).isEqualTo("rescans");

			Files.createDirectories(unwatchable);
			Files.writeString(unwatchable.resolve("found.md"), document("found-later", "Found", "x", List.of("t")));

			await().atMost(SERVED_WITHIN).until(() -> rescanned.current().find("found-later").isPresent());
		}
		finally {
			rescanned.stop();
		}
	}

	private void servedWithin(String id, String title) {
		await().atMost(SERVED_WITHIN)
			.until(() -> this.catalog.current().find(id).map(PatternDocument::title),
					(found) -> found.equals(Optional.of(title)));
	}

	private void write(String name, String content) throws IOException {
		Path file = this.folder.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
