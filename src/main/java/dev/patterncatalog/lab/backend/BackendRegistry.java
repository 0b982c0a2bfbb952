package dev.patterncatalog.lab.backend;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.system.InvalidParameter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The simulated backends: those named in configuration, and ad-hoc ones created by a
 * request that describes its backend. Each name has one {@link SimulatedBackend}, whose
 * counters add up over all calls to it.
 */
@Component
public class BackendRegistry {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	/**
	 * Ad-hoc backends are bounded, so that requests cannot grow the registry (and the
	 * metrics) without end: past this many, the least recently used is forgotten.
	 */
	static final int MAX_AD_HOC = 200;

	/** An ad-hoc backend not called for this long is forgotten, with its meters. */
	static final Duration AD_HOC_IDLE = Duration.ofMinutes(10);

	private final Map<String, BackendSpec> configured;

	/**
	 * The configured backends and those the lab's demos and jobs call: never forgotten.
	 */
	private final Map<String, SimulatedBackend> lasting = new ConcurrentHashMap<>();

	private final Cache<String, SimulatedBackend> adHoc;

	private final MeterRegistry meters;

	private final LabProperties properties;

	public BackendRegistry(LabProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		Map<String, BackendSpec> configured = new LinkedHashMap<>();
		properties.backends().forEach((name, backend) -> configured.put(name, configured(name, backend)));
		this.configured = Map.copyOf(configured);
		this.configured.keySet().forEach(this::reserve);
		this.adHoc = Caffeine.newBuilder()
			.maximumSize(MAX_AD_HOC)
			.expireAfterAccess(AD_HOC_IDLE)
			.executor(Runnable::run)
			.<String, SimulatedBackend>removalListener((name, backend, cause) -> {
				if (backend != null) {
					backend.unregister();
				}
			})
			.build();
	}

	/**
	 * A configured backend, checked by the rules a request's is (which parameters a model
	 * takes, the bounds that depend on others): one that breaks them stops the startup
	 * with its property's name, not with an HTTP problem.
	 */
	private BackendSpec configured(String name, BackendParameters backend) {
		String property = "lab.backends." + name;
		try {
			checkName(name);
			return BackendSpec.of(name, backend, null, this.properties.limits().maxDelay());
		}
		catch (InvalidParameter ex) {
			throw new IllegalStateException(
					"Invalid " + property + "." + ex.parameter() + ": " + ex.getBody().getDetail(), ex);
		}
	}

	/**
	 * Makes {@code name} a backend of the lab's own, which no ad-hoc backend can crowd
	 * out.
	 */
	public void reserve(String name) {
		checkName(name);
		this.lasting.computeIfAbsent(name, (key) -> new SimulatedBackend(key, this.meters));
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
	 * The backend of a name: a configured or reserved one, or an ad-hoc one, created on
	 * first use.
	 * @throws InvalidParameter if the name is malformed
	 */
	public SimulatedBackend backend(String name) {
		checkName(name);
		SimulatedBackend backend = this.lasting.get(name);
		return (backend != null) ? backend : this.adHoc.get(name, (key) -> new SimulatedBackend(key, this.meters));
	}

	/**
	 * The backend a call describes, starting from the configured one of that name if
	 * there is one.
	 */
	public BackendSpec describe(String name, BackendParameters given) {
		checkName(name);
		return BackendSpec.of(name, given, this.configured.get(name), this.properties.limits().maxDelay());
	}

	public Collection<BackendStats> stats() {
		return java.util.stream.Stream.concat(this.lasting.values().stream(), this.adHoc.asMap().values().stream())
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
