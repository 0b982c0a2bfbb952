package dev.patterncatalog.lab.backend;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;

import dev.patterncatalog.lab.LabProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulated backends as real HTTP endpoints, so that curl, wrk or another service can
 * call them too; the lab's own fan-outs over HTTP call them three at a time. A call's
 * parameters describe a backend as configuration does ({@link BackendParameters}).
 */
@RestController
@RequestMapping(path = "/api/lab/backends", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lab backends", description = "Simulated slow backends with latency and failure models")
class BackendController {

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
					+ " Parameters override the configured model; a name that is not configured needs `model`.")
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
			@ParameterObject @Valid BackendParameters backend, @ParameterObject @Valid Draw draw) {
		BackendSpec spec = this.registry.describe(name, backend);
		long seed = (draw.seed() != null) ? draw.seed() : System.nanoTime();
		int attempt = (draw.attempt() != null) ? draw.attempt() : 0;
		Duration maxHang = this.properties.limits().maxHang();
		Mono<BackendReply> reply = this.registry.backend(name)
			.call(spec, seed, attempt, maxHang)
			.onErrorMap(TimeoutException.class,
					(ex) -> new BackendFailed(name, HttpStatus.GATEWAY_TIMEOUT.value(),
							"The backend hung, and the server gave up on the call after " + maxHang.toMillis()
									+ " ms (lab.limits.max-hang)."));
		return reply.map((answer) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer));
	}

	/** What a call draws its latency and failure from. */
	record Draw(@Parameter(description = "seed of this call's draws; default: a new one") @Nullable Long seed,
			@Parameter(
					description = "attempt number for fail-first; default: this backend's call count") @Nullable @Min(0) @Max(Integer.MAX_VALUE) Integer attempt) {
	}

}
