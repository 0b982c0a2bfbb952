package dev.patterncatalog.lab.web;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;

import dev.patterncatalog.lab.job.Job;
import dev.patterncatalog.lab.job.Jobs;
import dev.patterncatalog.system.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Long-running jobs: start one, read its progress, cancel it and see it stop cleanly
 * between batches.
 */
@RestController
@RequestMapping(path = "/api/lab/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Latency lab")
class JobController {

	private final Jobs jobs;

	private final LabGuard guard;

	JobController(Jobs jobs, LabGuard guard) {
		this.jobs = jobs;
		this.guard = guard;
	}

	@PostMapping
	@Operation(operationId = "startJob", summary = "Start a job",
			description = "A job of 'batches' batches of 'batch-ms' each (at most 10 minutes"
					+ " in all). Answers 202 with the job's location.")
	@ApiResponse(responseCode = "202", description = "The job, started; its location is in the Location header",
			headers = @Header(name = "Location", description = "the job's path, to read its progress or cancel it",
					schema = @Schema(type = "string", example = "/api/lab/jobs/52fee687")),
			content = @Content(schema = @Schema(implementation = Job.Status.class)))
	@ApiResponse(responseCode = "403", description = "The request came from another site's page (its Origin)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "415",
			description = "A request body was sent (this operation takes none), or a content type other than"
					+ " JSON or a form",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	@LabRefusals
	Mono<ResponseEntity<Job.Status>> start(@ParameterObject @Valid JobSettings settings, ServerWebExchange exchange) {
		refuseCrossSite(exchange.getRequest());
		refuseBody(exchange.getRequest().getHeaders());
		int batches = settings.batches();
		double batchMs = settings.batchMs();
		if (batches * batchMs > Duration.ofMinutes(10).toMillis()) {
			throw new InvalidParameter("batches", "A job may take at most 10 minutes: batches × batch-ms is "
					+ Math.round(batches * batchMs) + " ms.");
		}
		Duration batch = Duration.ofNanos(Math.round(batchMs * 1e6));
		return this.guard.run(Mono.fromSupplier(() -> {
			Job job = this.jobs.start(batches, batch);
			return ResponseEntity.accepted()
				.location(URI.create("/api/lab/jobs/" + job.id()))
				.cacheControl(CacheControl.noStore())
				.body(job.status());
		}), 0);
	}

	@GetMapping
	@Operation(operationId = "listJobs", summary = "List the jobs",
			description = "Every job started since the service started, with its state and progress.")
	ResponseEntity<Collection<Job.Status>> list() {
		return live(this.jobs.list());
	}

	@GetMapping("/{id}")
	@Operation(operationId = "jobStatus", summary = "A job's progress",
			description = "Its state (RUNNING, CANCELLING, CANCELLED, COMPLETED or FAILED) and the batches completed so far.")
	ResponseEntity<Job.Status> status(@PathVariable String id) {
		return live(this.jobs.find(id).map(Job::status).orElseThrow(() -> notFound(id)));
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "cancelJob", summary = "Cancel a job",
			description = "The batch in progress finishes; no further batch starts. The job is 'cancelling' until"
					+ " then, 'cancelled' after.")
	ResponseEntity<Job.Status> cancel(@PathVariable String id) {
		return live(this.jobs.cancel(id).map(Job::status).orElseThrow(() -> notFound(id)));
	}

	/**
	 * A job's state as it is now: progress moves on, so no cache may keep it.
	 */
	private static <T> ResponseEntity<T> live(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	/**
	 * The job's settings are query parameters; a body would be dropped unread, so it is
	 * refused rather than ignored.
	 */
	private static void refuseBody(HttpHeaders headers) {
		if (headers.getContentLength() > 0 || headers.getFirst(HttpHeaders.TRANSFER_ENCODING) != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Starting a job takes no request body: give 'batches' and 'batch-ms' as query parameters,"
							+ " as in POST /api/lab/jobs?batches=20&batch-ms=250.");
			problem.setTitle("No request body expected");
			throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
		}
	}

	/**
	 * A page of another site may POST here without asking (a form, or a script's
	 * {@code text/plain} request): browsers say where it came from in {@code Origin}, and
	 * only this service's own pages may start a job; a content type other than JSON or a
	 * form is refused too.
	 */
	private static void refuseCrossSite(ServerHttpRequest request) {
		if (CorsUtils.isCorsRequest(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"A job is started from this service's own origin, not from " + request.getHeaders().getOrigin()
							+ ".");
			problem.setTitle("Cross-site request refused");
			throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
		}
		MediaType type = request.getHeaders().getContentType();
		if (type != null && !MediaType.APPLICATION_JSON.isCompatibleWith(type)
				&& !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Starting a job takes no body; a content type, if given, is application/json or"
							+ " application/x-www-form-urlencoded, not " + type + ".");
			problem.setTitle("Unsupported content type");
			throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
		}
	}

	private static ErrorResponseException notFound(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No job has the id '" + id + "'. GET /api/lab/jobs lists them.");
		problem.setTitle("Job not found");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
