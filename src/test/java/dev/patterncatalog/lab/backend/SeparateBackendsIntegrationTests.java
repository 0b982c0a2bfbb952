package dev.patterncatalog.lab.backend;

import java.util.List;

import dev.patterncatalog.PatternCatalogApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated backends as a process of their own: the same application started with the
 * {@code backends} profile, and a lab pointed at it with {@code lab.base-url}. The lab's
 * calls over HTTP reach the other process's backends, not its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SeparateBackendsIntegrationTests {

	private static ConfigurableApplicationContext backends;

	@Autowired
	WebTestClient client;

	@Autowired
	BackendRegistry ownBackends;

	@DynamicPropertySource
	static void pointTheLabAtTheBackendsProcess(DynamicPropertyRegistry properties) {
		backends = new SpringApplicationBuilder(PatternCatalogApplication.class).profiles("backends")
			.run("--server.port=0", "--lab.backend-server.host=127.0.0.1", "--lab.backend-server.port=0",
					"--lab.client.warmup-calls=0");
		properties.add("lab.base-url", () -> "http://127.0.0.1:" + backends.getBean(BackendServer.class).port());
	}

	@AfterAll
	static void stopTheBackendsProcess() {
		if (backends != null) {
			backends.close();
		}
	}

	@Test
	void aFanOutOverHttpCallsTheBackendsOfTheOtherProcess() {
		this.client.get()
			.uri("/api/lab/demos/fan-out?variant=parallel&transport=http")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result")
			.isEqualTo("ok")
			.jsonPath("$.calls[*].outcome")
			.isEqualTo(List.of("ok", "ok", "ok"));

		assertThat(completed(backends.getBean(BackendRegistry.class), "profile")).isEqualTo(1);
		assertThat(completed(this.ownBackends, "profile")).isZero();
	}

	private static long completed(BackendRegistry registry, String backend) {
		return registry.stats()
			.stream()
			.filter((stats) -> stats.backend().equals(backend))
			.map(BackendStats::completed)
			.findFirst()
			.orElse(0L);
	}

}
