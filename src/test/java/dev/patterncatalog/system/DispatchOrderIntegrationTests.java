package dev.patterncatalog.system;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.HandlerResultHandler;
import org.springframework.web.reactive.function.server.support.ServerResponseResultHandler;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DispatchOrderIntegrationTests {

	@Autowired
	DispatcherHandler dispatcher;

	@Autowired
	ApplicationContext context;

	@Autowired
	WebTestClient client;

	@Test
	void theActuatorIsMatchedAfterEveryOtherMapping() {
		List<HandlerMapping> mappings = this.dispatcher.getHandlerMappings();
		List<Boolean> actuator = mappings.stream()
			.map(AbstractWebFluxEndpointHandlerMapping.class::isInstance)
			.toList();
		assertThat(actuator).contains(true, false);
		assertThat(actuator.subList(actuator.indexOf(true), actuator.size())).containsOnly(true);
	}

	@Test
	void theActuatorStillAnswersOnItsPaths() {
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/no-such-endpoint").exchange().expectStatus().isNotFound();
	}

	@Test
	void aFunctionalRoutesResultIsHandedToItsOwnHandlerFirst() {
		// the dispatcher orders its result handlers this way when it starts
		List<HandlerResultHandler> handlers = new ArrayList<>(
				this.context.getBeansOfType(HandlerResultHandler.class).values());
		AnnotationAwareOrderComparator.sort(handlers);
		assertThat(handlers.get(0)).isInstanceOf(ServerResponseResultHandler.class);
		assertThat(handlers).hasSizeGreaterThan(1);
	}

	@Test
	void functionalRoutesAndAnnotatedControllersStillAnswer() {
		this.client.get()
			.uri("/api/patterns/gen-pattern-003")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("gen-pattern-003");
		this.client.get()
			.uri("/api/lab/jobs")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$")
			.isArray();
	}

}
