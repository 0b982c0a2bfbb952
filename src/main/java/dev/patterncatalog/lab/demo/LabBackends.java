package dev.patterncatalog.lab.demo;

import java.util.List;
import java.util.stream.Collectors;

import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.system.InvalidParameter;

/**
 * Resolves the backend names a demo parameter gives against the configured backends.
 */
final class LabBackends {

	private LabBackends() {
	}

	static BackendSpec named(BackendRegistry registry, String parameter, String name) {
		return registry.spec(name)
			.orElseThrow(() -> new InvalidParameter(parameter, "Parameter '" + parameter + "' names backend '" + name
					+ "', which is not configured. Configured backends: "
					+ registry.configured().stream().map(BackendSpec::name).collect(Collectors.joining(", ")) + "."));
	}

	static List<BackendSpec> named(BackendRegistry registry, String parameter, List<String> names) {
		return names.stream().map((name) -> named(registry, parameter, name)).toList();
	}

}
