package dev.patterncatalog.lab.web;

import java.util.List;
import java.util.Set;

import dev.patterncatalog.lab.Comparison;
import dev.patterncatalog.lab.ComparisonReport;
import dev.patterncatalog.lab.Demo;
import dev.patterncatalog.lab.DemoDescriptor;
import dev.patterncatalog.lab.DemoRunner;
import dev.patterncatalog.lab.Demos;
import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.Timeline;
import dev.patterncatalog.system.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The latency lab's demos: run one, or compare every variant with percentiles. Every
 * figure comes from a real run.
 */
@RestController
@RequestMapping(path = "/api/lab/demos", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Latency lab", description = "Live demos of async patterns against simulated backends, measured")
class LabController {

	private static final String DEMO_PARAMETERS = "Each demo's own parameters (see GET /api/lab/demos), plus seed"
			+ " and transport (http or in-process).";

	private final Demos demos;

	private final DemoRunner runner;

	private final Comparison comparison;

	private final LabProperties properties;

	LabController(Demos demos, DemoRunner runner, Comparison comparison, LabProperties properties) {
		this.demos = demos;
		this.runner = runner;
		this.comparison = comparison;
		this.properties = properties;
	}

	@GetMapping
	@Operation(summary = "List the demos",
			description = "Each demo's pattern document, variants, and parameters with defaults and limits.")
	List<DemoDescriptor> list(ServerWebExchange exchange) {
		QueryParameters.of(exchange.getRequest().getQueryParams(), Set.of());
		return this.demos.descriptors();
	}

	@GetMapping("/{demo}")
	@Operation(summary = "Run a demo once",
			description = "Runs one variant and answers its timeline: every backend call with its start and end"
					+ " offsets from the start of the run, its duration and outcome, and the total. " + DEMO_PARAMETERS,
			parameters = @Parameter(in = ParameterIn.QUERY, name = "variant",
					description = "the variant to run; default the demo's first"))
	@ApiResponse(responseCode = "200", description = "The timeline of the run")
	Mono<Timeline> run(@Parameter(example = "fan-out") @PathVariable String demo, ServerWebExchange exchange) {
		Demos.DemoRequest request = this.demos.request(this.demos.get(demo), exchange.getRequest().getQueryParams(),
				Set.of("variant"));
		return this.runner.run(request.demo(), request.variant(), request.demoParameters(), request.transport(),
				request.seed());
	}

	@GetMapping(path = "/{demo}/compare", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Compare the variants of a demo",
			description = "Runs every variant 'runs' times, at most 'concurrency' at once, and answers percentiles"
					+ " (HdrHistogram), theory and ratios. With Accept: text/event-stream, progress is streamed as it"
					+ " goes and the summary comes last; closing the stream cancels the comparison. " + DEMO_PARAMETERS,
			parameters = {
					@Parameter(in = ParameterIn.QUERY, name = "runs", description = "runs per variant",
							schema = @Schema(type = "integer", defaultValue = "100", minimum = "1")),
					@Parameter(in = ParameterIn.QUERY, name = "concurrency", description = "runs in flight at most",
							schema = @Schema(type = "integer", defaultValue = "10", minimum = "1")) })
	@ApiResponse(responseCode = "200", description = "The comparison",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ComparisonReport.class)),
					@Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
							schema = @Schema(type = "string", description = "events 'progress' then one 'summary'")) })
	Mono<ComparisonReport> compare(@Parameter(example = "fan-out") @PathVariable String demo,
			ServerWebExchange exchange) {
		return comparison(demo, exchange).ofType(ComparisonReport.class).last();
	}

	@GetMapping(path = "/{demo}/compare", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(hidden = true)
	Flux<ServerSentEvent<Object>> compareStream(@PathVariable String demo, ServerWebExchange exchange) {
		return comparison(demo, exchange).map((event) -> ServerSentEvent.builder(event)
			.event((event instanceof ComparisonReport) ? "summary" : "progress")
			.build());
	}

	private Flux<Object> comparison(String name, ServerWebExchange exchange) {
		Demo demo = this.demos.get(name);
		Demos.DemoRequest request = this.demos.request(demo, exchange.getRequest().getQueryParams(),
				Set.of("runs", "concurrency"));
		int runs = request.parameters().integer("runs", 100, 1, this.properties.limits().maxRuns());
		int concurrency = request.parameters().integer("concurrency", 10, 1, this.properties.limits().maxConcurrency());
		return this.comparison.run(request, runs, concurrency);
	}

}
