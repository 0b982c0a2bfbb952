package dev.patterncatalog.lab.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.run.Theory;
import dev.patterncatalog.lab.run.Transport;
import dev.patterncatalog.system.InvalidParameter;
import dev.patterncatalog.system.QueryParameters;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;

/**
 * Every demo of the lab, by name, and how a request's parameters become a
 * {@link DemoRequest}.
 */
@Component
public class Demos {

	/** Parameters every demo takes. */
	public static final List<ParameterSpec> COMMON = List.of(
			new ParameterSpec("seed", "integer", "random", null, null, null,
					"seed of the run's random draws; the same seed repeats the same latencies"),
			ParameterSpec.choice("transport", "http", List.of("http", "in-process"),
					"http: real calls to /api/lab/backends over loopback; in-process: the backends' timers directly"));

	private final Map<String, Demo<?>> demos;

	private final BackendRegistry backends;

	public Demos(List<Demo<?>> demos, BackendRegistry backends) {
		this.demos = demos.stream()
			.sorted(Comparator.comparing((Demo<?> d) -> d.descriptor().name()))
			.collect(Collectors.toMap((d) -> d.descriptor().name(), Function.identity(), (a, b) -> a,
					LinkedHashMap::new));
		this.backends = backends;
		demos.forEach((demo) -> demo.ownBackends().forEach(backends::reserve));
	}

	/**
	 * Every demo's description, its parameters followed by those every demo takes.
	 */
	public List<DemoDescriptor> descriptors() {
		return this.demos.values().stream().map(Demos::described).toList();
	}

	/**
	 * The description of the demo of that name, as {@link #descriptors} gives it.
	 * @throws ErrorResponseException with 404 if there is no demo of that name
	 */
	public DemoDescriptor descriptor(String name) {
		return described(get(name));
	}

	private static DemoDescriptor described(Demo<?> demo) {
		DemoDescriptor d = demo.descriptor();
		List<ParameterSpec> parameters = new ArrayList<>(d.parameters());
		parameters.addAll(COMMON);
		return d.withParameters(List.copyOf(parameters));
	}

	/**
	 * @throws ErrorResponseException with 404 if there is no demo of that name
	 */
	public Demo<?> get(String name) {
		Demo<?> demo = this.demos.get(name);
		if (demo == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No demo is named '" + name + "'. Demos: " + String.join(", ", this.demos.keySet()) + ".");
			problem.setTitle("Demo not found");
			throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
		}
		return demo;
	}

	/**
	 * Reads a request for a demo: its own parameters, the common ones, and {@code extra}
	 * ones the endpoint reads itself.
	 * @throws InvalidParameter naming the first parameter that is unknown, repeated or
	 * out of bounds
	 */
	public <P extends Record> DemoRequest<P> request(Demo<P> demo, MultiValueMap<String, String> values,
			Set<String> extra) {
		List<ParameterSpec> specs = demo.descriptor().parameters();
		Set<String> known = new HashSet<>(extra);
		specs.forEach((spec) -> known.add(spec.name()));
		COMMON.forEach((spec) -> known.add(spec.name()));
		QueryParameters parameters = QueryParameters.of(values, known);
		P demoParameters = DemoParameters.read(demo.parameterType(), specs, parameters, this.backends);
		demo.validate(demoParameters);
		Transport transport = parameters.choice("transport", "http", List.of("http", "in-process")).equals("http")
				? Transport.HTTP : Transport.IN_PROCESS;
		long seed = parameters.longInteger("seed", System.nanoTime());
		return new DemoRequest<>(demo, demoParameters, transport, seed, parameters);
	}

	/**
	 * A validated request for a demo.
	 *
	 * @param parameters all query parameters, for the endpoint's own ones
	 */
	public record DemoRequest<P extends Record>(Demo<P> demo, P demoParameters, Transport transport, long seed,
			QueryParameters parameters) {

		/**
		 * The variant asked for in parameter {@code variant}, by default the first.
		 */
		public String variant() {
			List<String> variants = this.demo.descriptor().variants();
			return this.parameters.choice("variant", variants.get(0), variants);
		}

		/** The most backend calls one run of this request may have in flight. */
		public int callsInFlight() {
			return this.demo.callsInFlight(this.demoParameters);
		}

		public @Nullable Theory theory(String variant) {
			return this.demo.theory(variant, this.demoParameters);
		}

	}

}
