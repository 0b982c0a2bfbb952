package dev.patterncatalog.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.server.support.ServerResponseResultHandler;

/**
 * Orders what the dispatcher tries for every request by what the service's requests need,
 * which changes the cost of a request and nothing else.
 * <p>
 * The actuator's endpoints are matched after the service's own routes. Spring Boot puts
 * them first, so every catalog and lab request was first compared with each actuator
 * endpoint before it reached its route: a tenth of what serving a document allocated
 * (measured with and without). The actuator's paths overlap none of the service's.
 * <p>
 * The result of a functional route (a {@code ServerResponse}) is handed to its own result
 * handler first. It shares the first place with the handler of annotated controllers'
 * {@code ResponseEntity}, which Spring asks first and which looks the value's type up
 * among the reactive types before saying no: about 2 % of a document's CPU in a profile.
 * Each handler takes only its own kind of value, so the order decides nothing else.
 */
@Configuration(proxyBeanMethods = false)
class DispatchOrder {

	@Bean
	static BeanPostProcessor dispatchOrderForTheServiceRoutes() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractWebFluxEndpointHandlerMapping mapping) {
					mapping.setOrder(Ordered.LOWEST_PRECEDENCE);
				}
				else if (bean instanceof ServerResponseResultHandler handler) {
					handler.setOrder(Ordered.HIGHEST_PRECEDENCE);
				}
				return bean;
			}
		};
	}

}
