package dev.patterncatalog.lab.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.patterncatalog.lab.LabProperties;

/**
 * The upper bound of a demo parameter where it is one of the lab's configured limits,
 * which a constraint such as {@code @Max} cannot hold.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface UpTo {

	Limit value();

	/** The configured limits a parameter may be bounded by. */
	enum Limit {

		/** {@code lab.limits.max-delay}, in milliseconds. */
		MAX_DELAY,

		/** {@code lab.limits.max-fan-out}. */
		MAX_FAN_OUT;

		double of(LabProperties.Limits limits) {
			return (this == MAX_DELAY) ? limits.maxDelay().toMillis() : limits.maxFanOut();
		}

	}

}
