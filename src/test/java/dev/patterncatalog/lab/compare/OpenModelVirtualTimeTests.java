package dev.patterncatalog.lab.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.TestLabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.compare.ComparisonReport.VariantSummary;
import dev.patterncatalog.lab.demo.BulkheadDemo;
import dev.patterncatalog.lab.demo.Demo;
import dev.patterncatalog.lab.demo.DemoRunner;
import dev.patterncatalog.lab.demo.Demos;
import dev.patterncatalog.lab.demo.TimeoutDemo;
import dev.patterncatalog.lab.run.Backends;
import dev.patterncatalog.lab.run.LabLoad;
import dev.patterncatalog.lab.run.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open model on virtual time: runs arrive every 50 ms, each takes 100 ms, and only
 * one may be in flight, so each waits 50 ms longer than the one before. Timed from when
 * they were due (corrected), the waiting shows; timed from their own start (uncorrected,
 * as a closed-loop load tool would), every run looks like 100 ms. And the runs of an open
 * model share what a service's requests share: its bulkhead.
 */
class OpenModelVirtualTimeTests {

	private final LabProperties properties = TestLabProperties.defaults();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final BackendRegistry registry = new BackendRegistry(this.properties, this.meters);

	private final Backends backends = new Backends(this.registry, this.properties, () -> "http://127.0.0.1:1",
			JsonMapper.shared());

	private final LabLoad load = new LabLoad(this.backends);

	@AfterEach
	void reset() {
		this.load.destroy();
		this.backends.destroy();
		VirtualTimeScheduler.reset();
	}

	@Test
	void runsThatQueueAreTimedFromWhenTheyWereDueBesideTheirOwnDuration() {
		VariantSummary none = compare(new Comparison.Plan(6, 1, 0, 20)).variants().get(0);

		// due at 0, 50, ... 250 ms; started at 0, 100, ... 500 ms; each took 100 ms
		assertThat(none.uncorrected()).extracting(Percentile::ms)
			.first()
			.satisfies(OpenModelVirtualTimeTests::isAbout100);
		assertThat(none.p50Ms()).isCloseTo(200, MS);
		assertThat(none.minMs()).isCloseTo(100, MS);
		assertThat(none.maxMs()).isCloseTo(350, MS);
		assertThat(none.lateRuns()).isEqualTo(5);
		assertThat(none.percentiles().get(0).lowMs()).isCloseTo(100, MS);
		assertThat(none.percentiles().get(0).highMs()).isCloseTo(350, MS);
	}

	@Test
	void runsThatFindRoomStartWhenDueAndBothTimingsAgree() {
		VariantSummary none = compare(new Comparison.Plan(6, 10, 0, 20)).variants().get(0);

		assertThat(none.p50Ms()).isCloseTo(100, MS);
		assertThat(none.maxMs()).isCloseTo(100, MS);
		assertThat(none.uncorrected()).extracting(Percentile::ms)
			.first()
			.satisfies(OpenModelVirtualTimeTests::isAbout100);
		assertThat(none.lateRuns()).isZero();
	}

	@Test
	void runsQueuedBehindTheLabsOwnCapMakeTheVerdictDistorted() {
		ComparisonReport capped = compare(new Comparison.Plan(6, 1, 0, 20, true));
		ComparisonReport chosen = compare(new Comparison.Plan(6, 1, 0, 20, false));

		assertThat(capped.variants().get(0).queuedRuns()).isEqualTo(5);
		assertThat(capped.verdict().status()).isEqualTo(Verdict.DISTORTED);
		assertThat(capped.verdict().reasons()).extracting(Verdict.Reason::code).contains("lab-cap");
		// a cap the user chose is what the comparison models
		assertThat(chosen.variants().get(0).queuedRuns()).isEqualTo(5);
		assertThat(chosen.verdict().reasons()).extracting(Verdict.Reason::code).doesNotContain("lab-cap");
	}

	/**
	 * One call of 180 ms per run, a bulkhead of 2: arriving every 50 ms, four calls would
	 * be in flight, so the shared bulkhead turns half of them away; every 200 ms, one is,
	 * and it turns none away.
	 */
	@Test
	void runsOfAnOpenModelShareTheBulkheadAsRequestsToOneServiceDo() {
		ComparisonReport fast = compare(new BulkheadDemo(this.properties), new Comparison.Plan(20, 100, 0, 20), "calls",
				"1", "limit", "2", "delay", "180");
		ComparisonReport slow = compare(new BulkheadDemo(this.properties), new Comparison.Plan(20, 100, 0, 5), "calls",
				"1", "limit", "2", "delay", "180");

		assertThat(fact(fast, "none", "peak_in_flight")).isEqualTo((1 + 2 + 3 + 4 * 17) / 20.0);
		assertThat(fact(fast, "bulkhead", "rejected")).isEqualTo(0.5);
		assertThat(fact(slow, "none", "peak_in_flight")).isEqualTo(1);
		assertThat(fact(slow, "bulkhead", "rejected")).isZero();
	}

	@Test
	void runsOfTheClosedModelEachHaveTheirOwnBulkhead() {
		ComparisonReport closed = compare(new BulkheadDemo(this.properties), new Comparison.Plan(20, 10, 0, 0), "calls",
				"1", "limit", "2", "delay", "180");

		assertThat(fact(closed, "none", "peak_in_flight")).isEqualTo(1);
		assertThat(fact(closed, "bulkhead", "rejected")).isZero();
	}

	@Test
	void theClosedModelHasNoUncorrectedFigures() {
		ComparisonReport report = compare(new Comparison.Plan(6, 1, 0, 0));

		assertThat(report.model()).isEqualTo("closed");
		assertThat(report.variants().get(0).uncorrected()).isNull();
		assertThat(report.variants().get(0).p50Ms()).isCloseTo(100, MS);
	}

	/** HdrHistogram keeps three significant digits. */
	private static final Offset<Double> MS = Offset.offset(0.5);

	private static void isAbout100(Double ms) {
		assertThat(ms).isCloseTo(100, MS);
	}

	private static double fact(ComparisonReport report, String variant, String fact) {
		return report.variants()
			.stream()
			.filter((summary) -> summary.variant().equals(variant))
			.findFirst()
			.orElseThrow()
			.facts()
			.get(fact);
	}

	/**
	 * A comparison of the timeout demo without a timeout: every variant waits 100 ms.
	 */
	private ComparisonReport compare(Comparison.Plan plan) {
		return compare(new TimeoutDemo(this.properties), plan, "delay", "100");
	}

	/**
	 * A comparison of {@code demo} with parameters given as name, value, ... on a virtual
	 * time scheduler that also drives its timers.
	 */
	private ComparisonReport compare(Demo<?> demo, Comparison.Plan plan, String... parameters) {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		List<Object> events = new ArrayList<>();
		StepVerifier.withVirtualTime(() -> comparison(time, demo, plan, parameters), () -> time, Long.MAX_VALUE)
			.recordWith(() -> events)
			.thenAwait(Duration.ofMinutes(1))
			.thenConsumeWhile((event) -> true)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		return (ComparisonReport) events.get(events.size() - 1);
	}

	private Flux<Object> comparison(VirtualTimeScheduler time, Demo<?> demo, Comparison.Plan plan,
			String... parameters) {
		DemoRunner runner = new DemoRunner(this.backends, this.load, this.properties, this.meters,
				() -> time.now(TimeUnit.NANOSECONDS));
		Comparison comparison = new Comparison(runner, this.load, this.properties, this.meters,
				() -> time.now(TimeUnit.NANOSECONDS));
		LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		for (int i = 0; i < parameters.length; i += 2) {
			values.add(parameters[i], parameters[i + 1]);
		}
		values.add("transport", "in-process");
		values.add("seed", "1");
		Demos.DemoRequest<?> request = new Demos(List.of(demo), this.registry).request(demo, values, Set.of());
		return comparison.run(request, plan);
	}

}
