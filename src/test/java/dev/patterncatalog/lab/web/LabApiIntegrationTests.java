package dev.patterncatalog.lab.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.patterncatalog.lab.demo.Demo;
import dev.patterncatalog.lab.demo.Demos;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's HTTP API over a real socket: demos call the backends over loopback HTTP, as
 * in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class LabApiIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	Demos demos;

	@Autowired
	List<Demo> demoBeans;

	@Test
	void listsEveryDemoWithItsPatternVariantsAndParameters() {
		this.client.get()
			.uri("/api/lab/demos")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].name")
			.value(List.class,
					(names) -> assertThat(names).isNotEmpty()
						.containsExactlyInAnyOrderElementsOf(
								this.demoBeans.stream().map((demo) -> demo.descriptor().name()).toList()))
			.jsonPath("$[?(@.name == 'fan-out')].parameters[*].name")
			.value(List.class, (names) -> assertThat(names).contains("backends", "timeout", "seed", "transport"))
			.jsonPath("$[?(@.name == 'fan-out')].pattern_id")
			.isEqualTo(List.of("gen-pattern-004"))
			.jsonPath("$[?(@.name == 'fan-out')].variants[*]")
			.isEqualTo(List.of("sequential", "parallel"))
			.jsonPath("$[?(@.name == 'timeout')].parameters[?(@.name == 'timeout')].max")
			.isEqualTo(List.of(30000.0));
	}

	@Test
	void everyDemoLinksToACatalogDocumentThatLinksBack() {
		List<Map<String, Object>> demos = this.client.get()
			.uri("/api/lab/demos")
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		for (Map<String, Object> demo : demos) {
			this.client.get()
				.uri("/api/patterns/{id}", demo.get("pattern_id"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.attributes.demo")
				.isEqualTo(demo.get("name"));
			this.client.get()
				.uri("/api/patterns/{id}", demo.get("pattern_id"))
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains("<a href=\"/lab/" + demo.get("name") + "\">measured live"));
		}
	}

	@Test
	void runsADemoOverHttpAndAnswersItsTimeline() {
		this.client.get()
			.uri("/api/lab/demos/fan-out?variant=parallel&seed=42")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.demo")
			.isEqualTo("fan-out")
			.jsonPath("$.variant")
			.isEqualTo("parallel")
			.jsonPath("$.seed")
			.isEqualTo(42)
			.jsonPath("$.transport")
			.isEqualTo("http")
			.jsonPath("$.result")
			.isEqualTo("ok")
			.jsonPath("$.calls.length()")
			.isEqualTo(3)
			.jsonPath("$.calls[*].outcome")
			.isEqualTo(List.of("ok", "ok", "ok"))
			.jsonPath("$.total_ms")
			.value(Double.class, (total) -> assertThat(total).isGreaterThanOrEqualTo(200))
			.jsonPath("$.theory.value")
			.isEqualTo(200.0);
	}

	/** Every demo the service has, each variant with its defaults: a new demo is in. */
	@TestFactory
	Stream<DynamicTest> everyDemoRunsWithEveryVariant() {
		return this.demos.descriptors()
			.stream()
			.flatMap((demo) -> demo.variants()
				.stream()
				.map((variant) -> DynamicTest.dynamicTest(demo.name() + " " + variant,
						() -> this.client.get()
							.uri("/api/lab/demos/{demo}?variant={variant}&seed=7", demo.name(), variant)
							.exchange()
							.expectStatus()
							.isOk()
							.expectBody()
							.jsonPath("$.variant")
							.isEqualTo(variant)
							.jsonPath("$.result")
							.value(String.class, (result) -> assertThat(result).isIn("ok", "error"))
							.jsonPath("$.total_ms")
							.isNumber())));
	}

	@Test
	void theBlockingVariantStallsTheStandInLoopAndOffloadingFreesIt() {
		double blocking = probeWait("blocking");
		double offloaded = probeWait("offloaded");
		double nonBlocking = probeWait("non-blocking");

		// four sleeps of 150 ms run one after another on the loop before any probe can;
		// the first may have begun a moment before the probes were queued, the other
		// three had not
		assertThat(blocking).isGreaterThanOrEqualTo(450);
		assertThat(offloaded).isLessThan(150);
		assertThat(nonBlocking).isLessThan(150);
	}

	private double probeWait(String variant) {
		Map<String, Object> timeline = this.client.get()
			.uri("/api/lab/demos/blocking?variant={v}&calls=4&delay=150", variant)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return ((Number) ((Map<?, ?>) timeline.get("facts")).get("probe_max_ms")).doubleValue();
	}

	@Test
	void theBlockingDemoHoldsAThreadPerRunSoItRunsAtMostFourAtOnce() {
		List<EntityExchangeResult<byte[]>> results = ConcurrentRequests.get(this.client,
				"/api/lab/demos/blocking?calls=1&delay=1000&probes=1", 5);

		assertThat(results).filteredOn((r) -> r.getStatus().value() == 200).hasSize(4);
		assertThat(results).filteredOn((r) -> r.getStatus().value() == 503)
			.hasSize(1)
			.allSatisfy((r) -> assertThat(new String(r.getResponseBody())).contains("runs at most 4 at once"));
	}

	@Test
	void aComparisonOfTheBlockingDemoRunsAtItsLimitWithoutBeingRefused() {
		this.client.get()
			.uri("/api/lab/demos/blocking/compare?runs=8&concurrency=10&calls=1&delay=20&probes=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.concurrency")
			.isEqualTo(4)
			.jsonPath("$.variants[*].errors")
			.isEqualTo(List.of(0, 0, 0));
	}

	@Test
	void comparesVariantsWithPercentilesTheoryAndRatios() {
		this.client.get()
			.uri("/api/lab/demos/fan-out/compare?runs=20&concurrency=10&seed=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.runs")
			.isEqualTo(20)
			.jsonPath("$.variants[0].variant")
			.isEqualTo("sequential")
			.jsonPath("$.variants[0].count")
			.isEqualTo(20)
			.jsonPath("$.variants[0].errors")
			.isEqualTo(0)
			.jsonPath("$.variants[0].p50_ms")
			.value(Double.class, (p50) -> assertThat(p50).isGreaterThanOrEqualTo(450))
			.jsonPath("$.variants[1].p50_ms")
			.value(Double.class, (p50) -> assertThat(p50).isBetween(200.0, 450.0))
			.jsonPath("$.variants[1].theory.value")
			.isEqualTo(200.0)
			.jsonPath("$.warmup_runs")
			.isEqualTo(10)
			.jsonPath("$.variants[1].percentiles[0].percentile")
			.isEqualTo(50.0)
			.jsonPath("$.variants[1].percentiles[0].low_ms")
			.value(Double.class, (low) -> assertThat(low).isBetween(200.0, 450.0))
			.jsonPath("$.variants[1].percentiles[1].ms")
			.doesNotExist()
			.jsonPath("$.variants[1].percentiles[1].needs_runs")
			.isEqualTo(36)
			.jsonPath("$.variants[1].p999_ms")
			.doesNotExist()
			.jsonPath("$.variants[1].overhead.calls")
			.isEqualTo(60)
			.jsonPath("$.verdict.status")
			.value(String.class, (status) -> assertThat(status).isIn("valid", "distorted"))
			.jsonPath("$.verdict.notes[0]")
			.value(String.class, (note) -> assertThat(note).startsWith("p90 needs at least 36 runs"))
			.jsonPath("$.ratios[0].variant")
			.isEqualTo("parallel")
			.jsonPath("$.ratios[0].p50")
			.value(Double.class, (ratio) -> assertThat(ratio).isLessThan(1));
	}

	@Test
	void aComparisonStreamsProgressThenItsSummary() {
		List<ServerSentEvent<String>> events = this.client.get()
			.uri("/api/lab/demos/tail-amplification/compare?runs=5&concurrency=5&transport=in-process")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));

		// a warm-up and a turn of five runs for each of the two variants, then the
		// summary
		assertThat(events).hasSize(5);
		assertThat(events.subList(0, 4)).allMatch((e) -> "progress".equals(e.event()));
		assertThat(events.subList(0, 2)).allMatch((e) -> e.data().contains("\"phase\":\"warmup\""));
		assertThat(events.get(3).data()).contains("\"phase\":\"measure\"", "\"completed\":5");
		assertThat(events.get(4).event()).isEqualTo("summary");
		assertThat(events.get(4).data()).contains("\"slow\"", "\"theory\"", "\"verdict\"");
		// numbered, so that a reconnecting EventSource says where it was, and told when
		assertThat(events).extracting(ServerSentEvent::id).containsExactly("1", "2", "3", "4", "5");
		assertThat(events.get(0).retry()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void anEventSourceReconnectingToAComparisonIsToldToStopNotGivenANewOne() {
		this.client.get()
			.uri("/api/lab/demos/tail-amplification/compare?runs=5&concurrency=5&transport=in-process")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header("Last-Event-ID", "5")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectBody()
			.isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/api/lab/demos/fan-out?bogus=1|bogus",
			"/api/lab/demos/fan-out?variant=x|variant", "/api/lab/demos/fan-out?backends=nope|backends",
			"/api/lab/demos/fan-out?transport=carrier-pigeon|transport", "/api/lab/demos/fan-out?timeout=30001|timeout",
			"/api/lab/demos/fan-out?seed=abc|seed", "/api/lab/demos/timeout?hang=maybe|hang",
			"/api/lab/demos/timeout?delay=-5|delay", "/api/lab/demos/tail-amplification?n=101|n",
			"/api/lab/demos/tail-amplification?p=1.5|p",
			"/api/lab/demos/partial-failure?failing=profile&backends=settings|failing",
			"/api/lab/demos/blocking?calls=21|calls", "/api/lab/demos/fan-out/compare?runs=10001|runs",
			"/api/lab/demos/fan-out/compare?concurrency=0|concurrency", "/api/lab/demos/fan-out/compare?runs=0x10|runs",
			"/api/lab/demos/fan-out/compare?warmup=1001|warmup",
			"/api/lab/demos/fan-out/compare?rate=2001&duration=1000|rate",
			"/api/lab/demos/fan-out/compare?rate=1&duration=180001|duration", "/api/lab/backends/profile?hang=yes|hang",
			"/api/lab/backends/profile?delay=1e999|delay", "/api/lab/backends/profile?attempt=0x1|attempt",
			"/api/lab/demos/fan-out/compare?variant=x|variant", "/api/lab/backends/profile?delay=31000|delay",
			"/api/lab/backends/Bad_Name?model=fixed&delay=1|name", "/api/lab/backends/unconfigured|model",
			"/api/lab/backends/profile?model=cubic|model", "/api/lab/jobs?batches=0|batches", "/api/lab/demos?x=1|x" })
	void badParametersAre400ProblemsNamingTheParameter(String uri, String parameter) {
		(uri.startsWith("/api/lab/jobs") ? this.client.post() : this.client.get()).uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo(parameter);
	}

	@Test
	void anUnknownDemoIsA404Problem() {
		this.client.get()
			.uri("/api/lab/demos/teleport")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Demo not found");
	}

	@Test
	void metricsArePublishedForPrometheus() {
		this.client.get().uri("/api/lab/demos/fan-out?transport=in-process").exchange().expectStatus().isOk();

		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((text) -> assertThat(text)
				.contains("lab_demo_duration_seconds_bucket{demo=\"fan-out\",result=\"ok\",variant=\"sequential\"")
				.contains("lab_backend_calls_total{backend=\"profile\",outcome=\"completed\"}")
				.contains("lab_backend_in_flight{backend=\"profile\"}")
				.contains("lab_circuit_breaker_state")
				// the dashboard's request rates; the in-flight long-task timer is
				// switched off (application.yaml)
				.containsPattern("(?m)^http_server_requests_seconds_count\\{.*uri=\"/api/lab/demos/\\{demo}\"")
				.doesNotContain("http_server_requests_active"));
	}

}
