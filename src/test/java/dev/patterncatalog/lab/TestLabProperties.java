package dev.patterncatalog.lab;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Lab configuration for tests, bound as Spring binds it, so that every default comes from
 * {@link LabProperties} itself.
 */
public final class TestLabProperties {

	private TestLabProperties() {
	}

	/**
	 * The defaults, with the fan-out demo's three backends and {@code settings} (keys
	 * relative to {@code lab.}, such as {@code guard.max-runs}) on top.
	 */
	public static LabProperties of(Map<String, String> settings) {
		Map<String, String> values = new HashMap<>();
		values.put("lab.backends.profile.model", "fixed");
		values.put("lab.backends.profile.delay", "200");
		values.put("lab.backends.settings.model", "fixed");
		values.put("lab.backends.settings.delay", "150");
		values.put("lab.backends.notifications.model", "fixed");
		values.put("lab.backends.notifications.delay", "100");
		values.put("lab.client.warmup-calls", "0");
		settings.forEach((key, value) -> values.put("lab." + key, value));
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("lab", LabProperties.class);
	}

	public static LabProperties defaults() {
		return of(Map.of());
	}

}
