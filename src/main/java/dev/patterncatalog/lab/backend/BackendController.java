package dev.patterncatalog.lab.backend;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.system.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Simulated backends as real HTTP endpoints, so that curl, wrk or another service can
 * call them too.
 */
@RestController
@RequestMapping(path = "/api/lab/backends", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lab backends", description = "Simulated slow backends with latency and failure models")
class BackendController {

	private static final Set<String> CALL_PARAMETERS = withCallParameters();

	private final BackendRegistry registry;

	private final LabProperties properties;

	BackendController(BackendRegistry registry, LabProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	@GetMapping
	@Operation(summary = "Configured backends", description = "The named backends and their models.")
	List<BackendSpec> backends(ServerWebExchange exchange) {
		QueryParameters.of(exchange.getRequest().getQueryParams(), Set.of());
		return this.registry.configured();
	}

	@GetMapping("/stats")
	@Operation(summary = "Call counters of every backend",
			description = "Calls in flight, started, completed, failed and cancelled (the caller went away).")
	Collection<BackendStats> stats(ServerWebExchange exchange) {
		QueryParameters.of(exchange.getRequest().getQueryParams(), Set.of());
		return this.registry.stats();
	}

	@GetMapping("/{name}")
	@Operation(summary = "Call a backend",
			description = "Answers after a latency drawn from the backend's model, or fails as its failure model says."
					+ " Parameters override the configured model; a name that is not configured needs `model`.",
			parameters = {
					@Parameter(in = ParameterIn.QUERY, name = "model",
							schema = @Schema(type = "string",
									allowableValues = { "fixed", "uniform", "normal", "lognormal", "tail" })),
					@Parameter(in = ParameterIn.QUERY, name = "delay", description = "fixed: latency in ms",
							example = "200"),
					@Parameter(in = ParameterIn.QUERY, name = "min", description = "uniform: lowest latency in ms"),
					@Parameter(in = ParameterIn.QUERY, name = "max", description = "uniform: highest latency in ms"),
					@Parameter(in = ParameterIn.QUERY, name = "mean", description = "normal: mean in ms"),
					@Parameter(in = ParameterIn.QUERY, name = "sd", description = "normal: standard deviation in ms"),
					@Parameter(in = ParameterIn.QUERY, name = "median", description = "lognormal: median in ms"),
					@Parameter(in = ParameterIn.QUERY, name = "p99", description = "lognormal: 99th percentile in ms"),
					@Parameter(in = ParameterIn.QUERY, name = "base", description = "tail: usual latency in ms"),
					@Parameter(in = ParameterIn.QUERY, name = "slow", description = "tail: slow latency in ms"),
					@Parameter(in = ParameterIn.QUERY, name = "p", description = "tail: probability of the slow one"),
					@Parameter(in = ParameterIn.QUERY, name = "error-rate", description = "probability of failing"),
					@Parameter(in = ParameterIn.QUERY, name = "error-status",
							description = "HTTP status of a failure (400-599, default 503)"),
					@Parameter(in = ParameterIn.QUERY, name = "fail-first",
							description = "attempts up to this number fail"),
					@Parameter(in = ParameterIn.QUERY, name = "hang",
							description = "never answer (only the caller's timeout helps)"),
					@Parameter(in = ParameterIn.QUERY, name = "seed", description = "seed of this call's draws"),
					@Parameter(in = ParameterIn.QUERY, name = "attempt",
							description = "attempt number for fail-first; default: this backend's call count") })
	Mono<BackendReply> call(@PathVariable String name, ServerWebExchange exchange) {
		QueryParameters parameters = QueryParameters.of(exchange.getRequest().getQueryParams(), CALL_PARAMETERS);
		BackendSpec spec = this.registry.describe(name, parameters);
		long seed = parameters.longInteger("seed", System.nanoTime());
		int attempt = parameters.integer("attempt", 0, 0, Integer.MAX_VALUE);
		return this.registry.backend(name).call(spec, seed, attempt, this.properties.limits().maxHang());
	}

	private static Set<String> withCallParameters() {
		Set<String> names = new HashSet<>(BackendSpec.PARAMETERS);
		names.add("seed");
		names.add("attempt");
		return Set.copyOf(names);
	}

}
