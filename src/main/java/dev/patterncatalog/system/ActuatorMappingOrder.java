package dev.patterncatalog.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Matches the actuator's endpoints after the service's own routes. Spring Boot puts them
 * first, so every catalog and lab request was first compared with each actuator endpoint
 * before it reached its route: a tenth of what serving a document allocated (measured
 * with and without). The actuator's paths overlap none of the service's, so only the cost
 * changes.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorMappingOrder {

	@Bean
	static BeanPostProcessor actuatorMappingLast() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractWebFluxEndpointHandlerMapping mapping) {
					mapping.setOrder(Ordered.LOWEST_PRECEDENCE);
				}
				return bean;
			}
		};
	}

}
