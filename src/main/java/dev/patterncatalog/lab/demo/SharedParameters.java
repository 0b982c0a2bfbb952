package dev.patterncatalog.lab.demo;

import dev.patterncatalog.lab.LabProperties;

/**
 * Parameter specs that several demos share, bounded by the configured limits.
 */
final class SharedParameters {

	private SharedParameters() {
	}

	static ParameterSpec timeout(LabProperties properties, String description) {
		return ParameterSpec.millis("timeout", 5000, properties.limits().maxDelay().toMillis(), description);
	}

	static ParameterSpec delay(LabProperties properties, double defaultValue, String description) {
		return ParameterSpec.millis("delay", defaultValue, properties.limits().maxDelay().toMillis(), description);
	}

	/**
	 * How long a call without a timeout of its own may run: past any latency a backend
	 * may have.
	 */
	static java.time.Duration safetyCap(LabProperties properties) {
		return properties.limits().maxDelay().plusSeconds(5);
	}

}
