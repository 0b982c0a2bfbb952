package dev.patterncatalog;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Proves that the test run really has BlockHound installed: otherwise every "no blocking"
 * claim of the other tests would hold trivially.
 */
class BlockHoundTests {

	@Test
	void blockingOnANonBlockingThreadFails() {
		Mono<Long> sleepy = Mono.delay(Duration.ofMillis(1)).doOnNext((tick) -> sleep());
		StepVerifier.create(sleepy)
			.expectErrorMatches((ex) -> ex instanceof BlockingOperationError)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void blockingOnBoundedElasticIsAllowed() {
		Mono<String> offloaded = Mono.fromCallable(() -> {
			sleep();
			return "done";
		}).subscribeOn(Schedulers.boundedElastic());
		StepVerifier.create(offloaded).expectNext("done").expectComplete().verify(Duration.ofSeconds(5));
	}

	private static void sleep() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
