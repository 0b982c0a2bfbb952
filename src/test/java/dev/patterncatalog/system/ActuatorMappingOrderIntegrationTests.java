package dev.patterncatalog.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ActuatorMappingOrderIntegrationTests {

	@Autowired
	DispatcherHandler dispatcher;

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

}
