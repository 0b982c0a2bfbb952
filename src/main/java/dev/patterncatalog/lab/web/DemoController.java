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
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The latency lab's demos: run one, or compare every variant with percentiles. Every
 * figure comes from a real run. Runs and comparisons pass the {@link LabGuard}. A demo's
 * own parameters depend on the demo named in the path, so they are read by
 * {@link Demos#request}, which refuses any it does not know.
 */
@RestController
@RequestMapping(path = "/api/lab/demos", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Latency lab", description = "Live demos of async patterns against simulated backends, measured")
class DemoController {

	private static final String LAST_EVENT_ID = "Last-Event-ID";

	private static final Duration RECONNECT = Duration.ofSeconds(5);

	private static final String DEMO_PARAMETERS = "Each demo's own parameters (see GET /api/lab/demos), plus seed"
			+ " and transport (http or in-process).";

	private static final String DEMO = "a demo's name, as GET /api/lab/demos lists them";

	/** How long each variant of an open-model comparison runs unless asked otherwise. */
	static final double DEFAULT_OPEN_DURATION_MS = 10_000;

	private final Demos demos;

	private final DemoRunner runner;

	private final Comparison comparison;

	private final LabProperties properties;

	private final LabGuard guard;

	private final ComparisonHtml pages;

	DemoController(Demos demos, DemoRunner runner, Comparison comparison, LabProperties properties, LabGuard guard,
			ComparisonHtml pages) {
		this.pages = pages;
		this.demos = demos;
		this.runner = runner;
		this.comparison = comparison;
		this.properties = properties;
		this.guard = guard;
	}

	@GetMapping
	@Operation(operationId = "listDemos", summary = "List the demos",
			description = "Each demo's pattern document, variants, and parameters with defaults and limits.")
	@ApiResponse(responseCode = "200", description = "The demos",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = DemoDescriptor.class))))
	List<DemoDescriptor> list() {
		return this.demos.descriptors();
	}

	@GetMapping("/{demo}")
	@Operation(operationId = "runDemo", summary = "Run a demo once",
			description = "Runs one variant and answers its timeline: every backend call with its start and end"
					+ " offsets from the start of the run, its duration and outcome, and the total. " + DEMO_PARAMETERS,
			parameters = @Parameter(in = ParameterIn.QUERY, name = "variant",
					description = "the variant to run, as GET /api/lab/demos lists them; default the demo's first",
					schema = @Schema(type = "string", maxLength = 64)))
	@ApiResponse(responseCode = "200", description = "The timeline of the run",
			content = @Content(schema = @Schema(implementation = Timeline.class)))
	@LabRefusals
	Mono<ResponseEntity<Timeline>> run(
			@Parameter(description = DEMO, example = "fan-out",
					schema = @Schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength = 64)) @PathVariable String demo,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		Demos.DemoRequest<?> run = this.demos.request(this.demos.get(demo), query, Set.of("variant"));
		return this.guard.run(this.runner.judged(run), run.callsInFlight()).map((ran) -> live().body(ran));
	}

	@GetMapping("/{demo}/compare")
	@Operation(operationId = "compareVariants", summary = "Compare the variants of a demo",
			description = "Runs every variant 'runs' times (default: the demo's default_runs), at most 'concurrency'"
					+ " at once, after 'warmup' discarded runs, the variants taking turns with the same seeds; answers"
					+ " percentiles with 95 % confidence intervals, theory, ratios, the lab's overhead per call and a"
					+ " verdict on whether the figures can be trusted. With Accept: text/event-stream, progress is streamed as it"
					+ " goes and the summary comes last; closing the stream cancels the comparison. With Accept:"
					+ " text/html (a browser), the summary is a page of tables and bars. " + DEMO_PARAMETERS)
	@ApiResponse(responseCode = "200", description = "The comparison",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ComparisonReport.class)),
					@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
							schema = @Schema(type = "string", description = "events 'progress' then one 'summary'")),
					@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")) })
	@LabRefusals
	Mono<ResponseEntity<ComparisonReport>> compare(
			@Parameter(description = DEMO, example = "fan-out",
					schema = @Schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength = 64)) @PathVariable String demo,
			@ParameterObject @Valid ComparisonSettings settings,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		return report(comparison(this.demos.get(demo), settings, query))
			.map((report) -> comparisonAnswer().body(report));
	}

	// the same operation in the other representations, chosen by Spring from Accept

	@Hidden
	@GetMapping(path = "/{demo}/compare", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<Flux<ServerSentEvent<Object>>> compareStreamed(@PathVariable String demo,
			@Valid ComparisonSettings settings, @RequestParam MultiValueMap<String, String> query,
			@RequestHeader(name = LAST_EVENT_ID, required = false) @Nullable String lastEventId) {
		Flux<Object> events = comparison(this.demos.get(demo), settings, query);
		if (lastEventId != null) {
			// an EventSource reconnecting: a comparison is not resumed (its runs ended
			// with its stream), and a new one would pass for the old; 204 stops it
			return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).varyBy(HttpHeaders.ACCEPT).build();
		}
		AtomicLong ids = new AtomicLong();
		Flux<ServerSentEvent<Object>> stream = events
			.map((event) -> event(event, (event instanceof ComparisonReport) ? "summary" : "progress",
					ids.incrementAndGet()))
			// the answer has begun: a comparison stopped at its deadline ends with an
			// event that says so
			.onErrorResume(ComparisonTooLong.class,
					(ex) -> Mono.just(event(ex.getBody(), "error", ids.incrementAndGet())));
		return comparisonAnswer().contentType(MediaType.TEXT_EVENT_STREAM).body(stream);
	}

	@Hidden
	@GetMapping(path = "/{demo}/compare", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> comparePage(@PathVariable String demo, @Valid ComparisonSettings settings,
			@RequestParam MultiValueMap<String, String> query) {
		Demo<?> compared = this.demos.get(demo);
		return report(comparison(compared, settings, query)).map((report) -> {
			String again = UriComponentsBuilder.fromPath("/api/lab/demos/{demo}/compare")
				.queryParams(query)
				.replaceQueryParam("seed", report.seed())
				.buildAndExpand(compared.descriptor().name())
				.encode()
				.toUriString();
			return comparisonAnswer().contentType(HtmlPages.MEDIA_TYPE)
				.body(this.pages.render(report, compared.descriptor(), again));
		});
	}

	/**
	 * An event of a comparison's stream, numbered from 1; the first tells a client to
	 * wait {@link #RECONNECT} before it reconnects, and is answered 204 when it does.
	 */
	private static ServerSentEvent<Object> event(Object data, String name, long id) {
		ServerSentEvent.Builder<Object> event = ServerSentEvent.builder(data).event(name).id(Long.toString(id));
		return ((id == 1) ? event.retry(RECONNECT) : event).build();
	}

	/** An answer measured for this request: no cache may answer it again. */
	private static ResponseEntity.BodyBuilder live() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore());
	}

	/** A comparison's answer, in the representation its {@code Accept} chose. */
	private static ResponseEntity.BodyBuilder comparisonAnswer() {
		return live().varyBy(HttpHeaders.ACCEPT);
	}

	private static Mono<ComparisonReport> report(Flux<Object> events) {
		return events.ofType(ComparisonReport.class).last();
	}

	/**
	 * The open model: {@code rate} runs per second for {@code duration}; as many runs in
	 * flight as the lab's limits allow unless {@code concurrency} says fewer.
	 */
	private static Comparison.Plan openPlan(ComparisonSettings settings, double rate, LabProperties.Limits limits,
			int callsPerRun, int warmup) {
		if (settings.runs() != null) {
			throw new InvalidParameter("runs", "Parameter 'runs' does not go with 'rate': the open model makes"
					+ " 'rate' times 'duration' runs of each variant.");
		}
		double durationMs = (settings.duration() != null) ? settings.duration() : DEFAULT_OPEN_DURATION_MS;
		long runs = Math.max(1, Math.round(rate * durationMs / 1000));
		if (runs > limits.maxRuns()) {
			throw new InvalidParameter("duration", "'rate' times 'duration' gives " + runs
					+ " runs of each variant, more than lab.limits.max-runs = " + limits.maxRuns() + ".");
		}
		int concurrency = (settings.concurrency() != null) ? settings.concurrency()
				: Math.max(1, Math.min(limits.maxConcurrency(), limits.maxCallsInFlight() / callsPerRun));
		return new Comparison.Plan((int) runs, concurrency, warmup, rate, settings.concurrency() == null);
	}

	private Flux<Object> comparison(Demo<?> demo, ComparisonSettings given, MultiValueMap<String, String> query) {
		LabProperties.Limits limits = this.properties.limits();
		ComparisonSettings settings = given.within(limits);
		Demos.DemoRequest<?> comparison = this.demos.request(demo, query, ComparisonSettings.NAMES);
		int callsPerRun = comparison.callsInFlight();
		int warmup = (settings.warmup() != null) ? settings.warmup() : this.properties.measurement().warmupRuns();
		Comparison.Plan plan;
		if (settings.rate() != null) {
			plan = openPlan(settings, settings.rate(), limits, callsPerRun, warmup);
		}
		else {
			if (settings.duration() != null) {
				throw new InvalidParameter("duration", "Parameter 'duration' goes with 'rate' (the open model).");
			}
			plan = new Comparison.Plan((settings.runs() != null) ? settings.runs() : demo.descriptor().defaultRuns(),
					(settings.concurrency() != null) ? settings.concurrency() : demo.descriptor().defaultConcurrency(),
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
