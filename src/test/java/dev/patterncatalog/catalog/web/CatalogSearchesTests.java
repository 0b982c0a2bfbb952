package dev.patterncatalog.catalog.web;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches run on threads of their own, never the caller's event loop, and a full queue
 * is a refusal, not a wait.
 */
class CatalogSearchesTests {

	private final CatalogSearches searches = new CatalogSearches(new SearchLimits(Duration.ofSeconds(5), 1, 1, 1000));

	@AfterEach
	void stop() {
		this.searches.destroy();
	}

	@Test
	void aSearchRunsOnASearchThread() {
		StepVerifier.create(this.searches.run(() -> Thread.currentThread().getName()))
			.assertNext((thread) -> assertThat(thread).startsWith("catalog-search"))
			.verifyComplete();
	}

	@Test
	void beyondTheThreadsAndTheQueueASearchIsRefusedWith503() {
		CountDownLatch release = new CountDownLatch(1);
		// one running, one queued
		this.searches.run(() -> await(release)).subscribe();
		this.searches.run(() -> await(release)).subscribe();

		StepVerifier.create(this.searches.run(() -> "third"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(ErrorResponseException.class, (refusal) -> {
						assertThat(refusal.getStatusCode().value()).isEqualTo(503);
						assertThat(refusal.getBody().getTitle()).isEqualTo("Search busy");
					}))
			.verify(Duration.ofSeconds(5));
		release.countDown();
	}

	private static String await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "done";
	}

}
