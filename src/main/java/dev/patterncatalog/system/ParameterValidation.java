package dev.patterncatalog.system;

import java.util.Locale;

import jakarta.validation.MessageInterpolator;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The validator of bound request parameters. Its messages are not interpolated: Hibernate
 * Validator reads its message bundle from the class path the first time a constraint
 * fails, a blocking read on an event-loop thread, and the service words every refusal
 * from the constraints itself ({@link BoundParameter}).
 */
@Configuration(proxyBeanMethods = false)
class ParameterValidation implements WebFluxConfigurer {

	@Override
	public Validator getValidator() {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.setMessageInterpolator(new Uninterpolated());
		validator.afterPropertiesSet();
		return validator;
	}

	private static final class Uninterpolated implements MessageInterpolator {

		@Override
		public String interpolate(String messageTemplate, Context context) {
			return messageTemplate;
		}

		@Override
		public String interpolate(String messageTemplate, Context context, Locale locale) {
			return messageTemplate;
		}

	}

}
