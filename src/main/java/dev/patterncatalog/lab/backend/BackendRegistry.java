package dev.patterncatalog.lab.backend;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.system.InvalidParameter;
import dev.patterncatalog.system.QueryParameters;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The simulated backends: those named in configuration, and ad-hoc ones created by a
 * request that describes its backend. Each name has one {@link SimulatedBackend}, whose
 * counters add up over all calls to it.
 */
@Component
public class BackendRegistry {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	/**
	 * Ad-hoc names are bounded, so that requests cannot grow the registry (and the
	 * metrics) without end.
	 */
	static final int MAX_BACKENDS = 200;

	private final Map<String, BackendSpec> configured;

	private final Map<String, SimulatedBackend> backends = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	private final LabProperties properties;

	public BackendRegistry(LabProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		Map<String, BackendSpec> configured = new LinkedHashMap<>();
		properties.backends().forEach((name, values) -> {
			checkName(name);
			MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
			values.forEach(parameters::add);
			configured.put(name, BackendSpec.parse(name, QueryParameters.of(parameters, BackendSpec.PARAMETERS), null,
					properties.limits().maxDelay()));
		});
		this.configured = Map.copyOf(configured);
		this.configured.keySet().forEach(this::backend);
	}

	/**
	 * The backends named in configuration, by name.
	 */
	public List<BackendSpec> configured() {
		return this.configured.values().stream().sorted(Comparator.comparing(BackendSpec::name)).toList();
	}

	public Optional<BackendSpec> spec(String name) {
		return Optional.ofNullable(this.configured.get(name));
	}

	/**
	 * The backend of a name, created on first use.
	 * @throws InvalidParameter if the name is malformed, or too many backends exist
	 * already
	 */
	public SimulatedBackend backend(String name) {
		checkName(name);
		SimulatedBackend backend = this.backends.get(name);
		if (backend != null) {
			return backend;
		}
		if (this.backends.size() >= MAX_BACKENDS) {
			throw new InvalidParameter("name", "At most " + MAX_BACKENDS + " backends can exist; reuse one of "
					+ this.backends.keySet().stream().sorted().limit(10).toList() + "...");
		}
		return this.backends.computeIfAbsent(name, (key) -> new SimulatedBackend(key, this.meters));
	}

	/**
	 * Reads a backend from request parameters, starting from the configured one of that
	 * name if there is one.
	 */
	public BackendSpec describe(String name, QueryParameters parameters) {
		checkName(name);
		return BackendSpec.parse(name, parameters, this.configured.get(name), this.properties.limits().maxDelay());
	}

	public Collection<BackendStats> stats() {
		return this.backends.values()
			.stream()
			.map(SimulatedBackend::stats)
			.sorted(Comparator.comparing(BackendStats::backend))
			.toList();
	}

	static final Set<String> RESERVED = Set.of("stats");

	private static void checkName(String name) {
		if (name.length() > 40 || !NAME.matcher(name).matches() || RESERVED.contains(name)) {
			throw new InvalidParameter("name", "'" + name + "' is not a backend name: lowercase words of letters and"
					+ " digits joined by '-', at most 40 characters, and not 'stats'.");
		}
	}

}
