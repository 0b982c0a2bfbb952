package dev.patterncatalog.lab.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.compare.Comparison;
import dev.patterncatalog.lab.compare.ComparisonReport;
import dev.patterncatalog.lab.demo.Demo;
import dev.patterncatalog.lab.demo.DemoDescriptor;
import dev.patterncatalog.lab.demo.DemoRunner;
import dev.patterncatalog.lab.demo.Demos;
import dev.patterncatalog.lab.run.Timeline;
import dev.patterncatalog.system.HtmlPages;
import dev.patterncatalog.system.InvalidParameter;
import dev.patterncatalog.system.QueryParameters;
import dev.patterncatalog.system.Representations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The latency lab's demos: run one, or compare every variant with percentiles. Every
 * figure comes from a real run. Runs and comparisons pass the {@link LabGuard}.
 */
@Component
@Tag(name = "Latency lab", description = "Live demos of async patterns against simulated backends, measured")
class LabHandler {

	private static final List<MediaType> COMPARISON_TYPES = List.of(MediaType.APPLICATION_JSON,
			MediaType.TEXT_EVENT_STREAM, HtmlPages.MEDIA_TYPE);

	private static final String LAST_EVENT_ID = "Last-Event-ID";

	private static final Duration RECONNECT = Duration.ofSeconds(5);

	private static final ParameterizedTypeReference<ServerSentEvent<Object>> EVENT = new ParameterizedTypeReference<>() {
	};

	private static final String DEMO_PARAMETERS = "Each demo's own parameters (see GET /api/lab/demos), plus seed"
			+ " and transport (http or in-process).";

	/** Warm-up runs a comparison may ask for, per variant. */
	static final int MAX_WARMUP = 1000;

	/** How long each variant of an open-model comparison runs unless asked otherwise. */
	static final double DEFAULT_OPEN_DURATION_MS = 10_000;

	private final Demos demos;

	private final DemoRunner runner;

	private final Comparison comparison;

	private final LabProperties properties;

	private final LabGuard guard;

	private final ComparisonHtml pages;

	LabHandler(Demos demos, DemoRunner runner, Comparison comparison, LabProperties properties, LabGuard guard,
			ComparisonHtml pages) {
		this.pages = pages;
		this.demos = demos;
		this.runner = runner;
		this.comparison = comparison;
		this.properties = properties;
		this.guard = guard;
	}

	@Operation(operationId = "listDemos", summary = "List the demos",
			description = "Each demo's pattern document, variants, and parameters with defaults and limits.")
	@ApiResponse(responseCode = "200", description = "The demos",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = DemoDescriptor.class))))
	Mono<ServerResponse> list(ServerRequest request) {
		return Representations.json(request, this.demos.descriptors());
	}

	@Operation(operationId = "runDemo", summary = "Run a demo once",
			description = "Runs one variant and answers its timeline: every backend call with its start and end"
					+ " offsets from the start of the run, its duration and outcome, and the total. " + DEMO_PARAMETERS,
			parameters = {
					@Parameter(in = ParameterIn.PATH, name = "demo", example = "fan-out",
							description = "a demo's name, as GET /api/lab/demos lists them",
							schema = @Schema(type = "string", pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength = 64)),
					@Parameter(in = ParameterIn.QUERY, name = "variant",
							description = "the variant to run, as GET /api/lab/demos lists them; default the demo's first",
							schema = @Schema(type = "string", maxLength = 64)) })
	@ApiResponse(responseCode = "200", description = "The timeline of the run",
			content = @Content(schema = @Schema(implementation = Timeline.class)))
	@LabRefusals
	Mono<ServerResponse> run(ServerRequest request) {
		Representations.negotiate(request, Representations.JSON);
		Demos.DemoRequest run = this.demos.request(this.demos.get(request.pathVariable("demo")), request.queryParams(),
				Set.of("variant"));
		Mono<Timeline> timeline = this.runner.judged(run.demo(), run.variant(), run.demoParameters(), run.transport(),
				run.seed());
		int calls = run.demo().callsInFlight(run.demoParameters());
		return Representations.live()
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.guard.run(timeline, calls), Timeline.class);
	}

	/**
	 * The open model: {@code rate} runs per second for {@code duration}; as many runs in
	 * flight as the lab's limits allow unless {@code concurrency} says fewer.
	 */
	private Comparison.Plan openPlan(QueryParameters parameters, LabProperties.Limits limits, int callsPerRun,
			int warmup) {
		if (parameters.has("runs")) {
			throw new InvalidParameter("runs", "Parameter 'runs' does not go with 'rate': the open model makes"
					+ " 'rate' times 'duration' runs of each variant.");
		}
		double rate = parameters.decimal("rate", 1, 0.1, limits.maxRate());
		double durationMs = parameters.decimal("duration", DEFAULT_OPEN_DURATION_MS, 100,
				limits.maxComparisonDuration().toMillis());
		long runs = Math.max(1, Math.round(rate * durationMs / 1000));
		if (runs > limits.maxRuns()) {
			throw new InvalidParameter("duration", "'rate' times 'duration' gives " + runs
					+ " runs of each variant, more than lab.limits.max-runs = " + limits.maxRuns() + ".");
		}
		int concurrency = parameters.integer("concurrency",
				Math.max(1, Math.min(limits.maxConcurrency(), limits.maxCallsInFlight() / callsPerRun)), 1,
				limits.maxConcurrency());
		return new Comparison.Plan((int) runs, concurrency, warmup, rate, !parameters.has("concurrency"));
	}

	@Operation(operationId = "compareVariants", summary = "Compare the variants of a demo",
			description = "Runs every variant 'runs' times (default: the demo's default_runs), at most 'concurrency'"
					+ " at once, after 'warmup' discarded runs, the variants taking turns with the same seeds; answers"
					+ " percentiles with 95 % confidence intervals, theory, ratios, the lab's overhead per call and a"
					+ " verdict on whether the figures can be trusted. With Accept: text/event-stream, progress is streamed as it"
					+ " goes and the summary comes last; closing the stream cancels the comparison. With Accept:"
					+ " text/html (a browser), the summary is a page of tables and bars. " + DEMO_PARAMETERS,
			parameters = {
					@Parameter(in = ParameterIn.PATH, name = "demo", example = "fan-out",
							description = "a demo's name, as GET /api/lab/demos lists them",
							schema = @Schema(type = "string", pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength = 64)),
					@Parameter(in = ParameterIn.QUERY, name = "runs", description = "runs per variant",
							schema = @Schema(type = "integer", defaultValue = "100", minimum = "1")),
					@Parameter(in = ParameterIn.QUERY, name = "concurrency", description = "runs in flight at most",
							schema = @Schema(type = "integer", defaultValue = "10", minimum = "1")),
					@Parameter(in = ParameterIn.QUERY, name = "rate",
							description = "open model: runs of each variant per second, each timed from when it was"
									+ " due, so that queueing shows (with 'duration'; not with 'runs')",
							schema = @Schema(type = "number", minimum = "0.1", maximum = "2000")),
					@Parameter(in = ParameterIn.QUERY, name = "duration",
							description = "open model: how long each variant runs, in ms",
							schema = @Schema(type = "number", defaultValue = "10000", minimum = "100")),
					@Parameter(in = ParameterIn.QUERY, name = "warmup",
							description = "runs of each variant made and discarded before measuring",
							schema = @Schema(type = "integer", defaultValue = "10", minimum = "0", maximum = "1000")) })
	@ApiResponse(responseCode = "200", description = "The comparison",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ComparisonReport.class)),
					@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
							schema = @Schema(type = "string", description = "events 'progress' then one 'summary'")),
					@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")) })
	@LabRefusals
	Mono<ServerResponse> compare(ServerRequest request) {
		MediaType chosen = Representations.negotiate(request, COMPARISON_TYPES);
		Demo demo = this.demos.get(request.pathVariable("demo"));
		Flux<Object> events = comparison(demo, request);
		if (chosen.equals(MediaType.TEXT_EVENT_STREAM)) {
			if (request.headers().firstHeader(LAST_EVENT_ID) != null) {
				// an EventSource reconnecting: a comparison is not resumed (its runs
				// ended
				// with its stream), and a new one would pass for the old; 204 stops it
				return ServerResponse.noContent()
					.header(HttpHeaders.CACHE_CONTROL, Representations.LIVE)
					.varyBy(HttpHeaders.ACCEPT)
					.build();
			}
			AtomicLong ids = new AtomicLong();
			Flux<ServerSentEvent<Object>> stream = events
				.map((event) -> event(event, (event instanceof ComparisonReport) ? "summary" : "progress",
						ids.incrementAndGet()))
				// the answer has begun: a comparison stopped at its deadline ends with an
				// event that says so
				.onErrorResume(ComparisonTooLong.class,
						(ex) -> Mono.just(event(ex.getBody(), "error", ids.incrementAndGet())));
			return comparisonResponse(MediaType.TEXT_EVENT_STREAM).body(stream, EVENT);
		}
		Mono<ComparisonReport> report = events.ofType(ComparisonReport.class).last();
		if (chosen.equals(HtmlPages.MEDIA_TYPE)) {
			return comparisonResponse(HtmlPages.MEDIA_TYPE)
				.body(report.map((summary) -> this.pages.render(summary, demo.descriptor())), String.class);
		}
		return comparisonResponse(MediaType.APPLICATION_JSON).body(report, ComparisonReport.class);
	}

	/**
	 * An event of a comparison's stream, numbered from 1; the first tells a client to
	 * wait {@link #RECONNECT} before it reconnects, and is answered 204 when it does.
	 */
	private static ServerSentEvent<Object> event(Object data, String name, long id) {
		ServerSentEvent.Builder<Object> event = ServerSentEvent.builder(data).event(name).id(Long.toString(id));
		return ((id == 1) ? event.retry(RECONNECT) : event).build();
	}

	/**
	 * A comparison's answer, measured for this request, in the representation its
	 * {@code Accept} chose.
	 */
	private static ServerResponse.BodyBuilder comparisonResponse(MediaType type) {
		return Representations.live().varyBy(HttpHeaders.ACCEPT).contentType(type);
	}

	private Flux<Object> comparison(Demo demo, ServerRequest request) {
		Demos.DemoRequest comparison = this.demos.request(demo, request.queryParams(),
				Set.of("runs", "concurrency", "warmup", "rate", "duration"));
		QueryParameters parameters = comparison.parameters();
		LabProperties.Limits limits = this.properties.limits();
		int callsPerRun = demo.callsInFlight(comparison.demoParameters());
		int warmup = parameters.integer("warmup", this.properties.measurement().warmupRuns(), 0, MAX_WARMUP);
		Comparison.Plan plan;
		if (parameters.has("rate")) {
			plan = openPlan(parameters, limits, callsPerRun, warmup);
		}
		else {
			if (parameters.has("duration")) {
				throw new InvalidParameter("duration", "Parameter 'duration' goes with 'rate' (the open model).");
			}
			plan = new Comparison.Plan(
					parameters.integer("runs", demo.descriptor().defaultRuns(), 1, limits.maxRuns()), parameters
						.integer("concurrency", demo.descriptor().defaultConcurrency(), 1, limits.maxConcurrency()),
					warmup, 0);
		}
		int calls = Math.min(plan.concurrency(), demo.maxConcurrentRuns()) * callsPerRun;
		if (calls > limits.maxCallsInFlight()) {
			throw new InvalidParameter("concurrency",
					"This comparison would hold up to " + calls + " backend calls in flight (concurrency "
							+ plan.concurrency() + " times " + callsPerRun
							+ " calls per run), more than lab.limits.max-calls-in-flight = " + limits.maxCallsInFlight()
							+ ". Lower 'concurrency' or the calls per run.");
		}
		Duration deadline = limits.maxComparisonDuration();
		return Flux.defer(() -> {
			AtomicBoolean late = new AtomicBoolean();
			return this.guard.comparison(this.comparison.run(comparison, plan), calls)
				.takeUntilOther(Mono.delay(deadline).doOnNext((tick) -> late.set(true)))
				.concatWith(Mono.defer(() -> late.get() ? Mono.error(new ComparisonTooLong(deadline)) : Mono.empty()));
		});
	}

}
