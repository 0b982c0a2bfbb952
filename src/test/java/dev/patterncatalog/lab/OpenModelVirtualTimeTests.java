package dev.patterncatalog.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.patterncatalog.lab.ComparisonReport.VariantSummary;
import dev.patterncatalog.lab.backend.BackendRegistry;
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
 * as a closed-loop load tool would), every run looks like 100 ms.
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

	private ComparisonReport compare(Comparison.Plan plan) {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		List<Object> events = new ArrayList<>();
		StepVerifier.withVirtualTime(() -> comparison(time, plan), () -> time, Long.MAX_VALUE)
			.recordWith(() -> events)
			.thenAwait(Duration.ofMinutes(1))
			.thenConsumeWhile((event) -> true)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		return (ComparisonReport) events.get(events.size() - 1);
	}

	/**
	 * A comparison of the timeout demo without a timeout (every variant waits 100 ms) on
	 * the virtual time scheduler that also drives its timers.
	 */
	private Flux<Object> comparison(VirtualTimeScheduler time, Comparison.Plan plan) {
		DemoRunner runner = new DemoRunner(this.backends, this.load, this.properties, this.meters,
				() -> time.now(TimeUnit.NANOSECONDS));
		Comparison comparison = new Comparison(runner, this.load, this.properties, this.meters,
				() -> time.now(TimeUnit.NANOSECONDS));
		TimeoutDemo demo = new TimeoutDemo(this.properties);
		LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("delay", "100");
		values.add("transport", "in-process");
		values.add("seed", "1");
		Demos.DemoRequest request = new Demos(List.of(demo), this.registry).request(demo, values, Set.of());
		return comparison.run(request, plan);
	}

}
