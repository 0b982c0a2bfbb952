package dev.patterncatalog.lab.backend;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.system.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulated backends as real HTTP endpoints, so that curl, wrk or another service can
 * call them too; the lab's own fan-outs over HTTP call them three at a time. A call's
 * parameters describe a backend, read by {@link BackendSpec#parse} as configuration is.
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
	@Operation(operationId = "listBackends", summary = "Configured backends",
			description = "The named backends and their models.")
	@ApiResponse(responseCode = "200", description = "The backends",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = BackendSpec.class))))
	List<BackendSpec> backends() {
		return this.registry.configured();
	}

	// a literal path outranks the call's pattern, so 'stats' is no backend's name
	@GetMapping("/stats")
	@Operation(operationId = "backendStats", summary = "Call counters of every backend",
			description = "Calls in flight, started, completed, failed and cancelled (the caller went away).")
	@ApiResponse(responseCode = "200", description = "The counters",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = BackendStats.class))))
	ResponseEntity<Collection<BackendStats>> stats() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.registry.stats());
	}

	@GetMapping("/{name}")
	@Operation(operationId = "callBackend", summary = "Call a backend",
			description = "Answers after a latency drawn from the backend's model, or fails as its failure model says."
					+ " Parameters override the configured model; a name that is not configured needs `model`.",
			parameters = {
					@Parameter(in = ParameterIn.QUERY, name = "model",
							schema = @Schema(type = "string",
									allowableValues = { "fixed", "uniform", "normal", "lognormal", "tail" })),
					@Parameter(in = ParameterIn.QUERY, name = "delay", description = "fixed: latency in ms",
							example = "200", schema = @Schema(type = "number", minimum = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "min", description = "uniform: lowest latency in ms",
							schema = @Schema(type = "number", minimum = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "max", description = "uniform: highest latency in ms",
							schema = @Schema(type = "number", minimum = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "mean", description = "normal: mean in ms",
							schema = @Schema(type = "number", minimum = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "sd", description = "normal: standard deviation in ms",
							schema = @Schema(type = "number", minimum = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "median", description = "lognormal: median in ms",
							schema = @Schema(type = "number", minimum = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "p99", description = "lognormal: 99th percentile in ms",
							schema = @Schema(type = "number", minimum = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "base", description = "tail: usual latency in ms",
							schema = @Schema(type = "number", minimum = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "slow", description = "tail: slow latency in ms",
							schema = @Schema(type = "number", minimum = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "p", description = "tail: probability of the slow one",
							schema = @Schema(type = "number", minimum = "0", maximum = "1")),
					@Parameter(in = ParameterIn.QUERY, name = "error-rate", description = "probability of failing",
							schema = @Schema(type = "number", minimum = "0", maximum = "1", defaultValue = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "error-status",
							description = "HTTP status of a failure (400-599, default 503)",
							schema = @Schema(type = "integer", minimum = "400", maximum = "599", defaultValue = "503")),
					@Parameter(in = ParameterIn.QUERY, name = "fail-first",
							description = "attempts up to this number fail",
							schema = @Schema(type = "integer", minimum = "0", maximum = "1000000", defaultValue = "0")),
					@Parameter(in = ParameterIn.QUERY, name = "hang",
							description = "never answer (only the caller's timeout helps); the server gives up"
									+ " with 504 after lab.limits.max-hang",
							schema = @Schema(type = "boolean", defaultValue = "false")),
					@Parameter(in = ParameterIn.QUERY, name = "seed", description = "seed of this call's draws",
							schema = @Schema(type = "integer", format = "int64")),
					@Parameter(in = ParameterIn.QUERY, name = "attempt",
							description = "attempt number for fail-first; default: this backend's call count",
							schema = @Schema(type = "integer", minimum = "0", maximum = "2147483647")) })
	@ApiResponse(responseCode = "200", description = "The backend's reply",
			content = @Content(schema = @Schema(implementation = BackendReply.class)))
	@ApiResponse(responseCode = "5XX",
			description = "A simulated failure, as error-rate or fail-first ask, with the status error-status gives"
					+ " (503 unless set; 4XX too where it says so)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "503",
			description = "A simulated failure, as error-rate or fail-first ask; its status is error-status (any of"
					+ " 400-599, 503 unless set)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "504", description = "With hang=true: the server gave up after lab.limits.max-hang",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	Mono<ResponseEntity<BackendReply>> call(
			@Parameter(example = "profile", description = "lowercase words of letters and digits joined by '-'",
					schema = @Schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength = 40)) @PathVariable String name,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		QueryParameters parameters = QueryParameters.of(query, CALL_PARAMETERS);
		BackendSpec spec = this.registry.describe(name, parameters);
		long seed = parameters.longInteger("seed", System.nanoTime());
		int attempt = parameters.integer("attempt", 0, 0, Integer.MAX_VALUE);
		Duration maxHang = this.properties.limits().maxHang();
		Mono<BackendReply> reply = this.registry.backend(name)
			.call(spec, seed, attempt, maxHang)
			.onErrorMap(TimeoutException.class,
					(ex) -> new BackendFailed(name, HttpStatus.GATEWAY_TIMEOUT.value(),
							"The backend hung, and the server gave up on the call after " + maxHang.toMillis()
									+ " ms (lab.limits.max-hang)."));
		return reply.map((answer) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer));
	}

	private static Set<String> withCallParameters() {
		Set<String> names = new HashSet<>(BackendSpec.PARAMETERS);
		names.add("seed");
		names.add("attempt");
		return Set.copyOf(names);
	}

}
