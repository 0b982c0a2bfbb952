package dev.patterncatalog.lab.web;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sends the same request several times at once, each from its own worker thread, and
 * collects every answer.
 */
final class ConcurrentRequests {

	private ConcurrentRequests() {
	}

	static List<EntityExchangeResult<byte[]>> get(WebTestClient client, String uri, int count) {
		return Flux.range(0, count)
			.flatMap((i) -> Flux.defer(() -> Flux.just(client.get().uri(uri).exchange().expectBody().returnResult()))
				.subscribeOn(Schedulers.boundedElastic()), count)
			.collectList()
			.block(Duration.ofSeconds(30));
	}

}
