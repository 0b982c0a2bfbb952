package dev.patterncatalog.lab.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.TestLabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.run.Backends;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Transport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Hooks;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The blocking demo really blocks (Thread.sleep), so it runs on real time here: a run
 * cancelled while a legacy call sleeps ends quietly.
 */
class BlockingDemoTests {

	private final LabProperties properties = TestLabProperties.defaults();

	private final BackendRegistry registry = new BackendRegistry(this.properties, new SimpleMeterRegistry());

	private final Backends backends = new Backends(this.registry, this.properties, () -> "http://127.0.0.1:1",
			JsonMapper.shared());

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	@AfterEach
	void reset() {
		Hooks.resetOnErrorDropped();
		this.backends.destroy();
	}

	@ParameterizedTest
	@ValueSource(strings = { "blocking", "offloaded" })
	void aRunCancelledWhileALegacyCallSleepsDropsNoError(String variant) {
		Hooks.onErrorDropped(this.dropped::add);
		BlockingDemo demo = new BlockingDemo(this.properties);
		LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
		values.add("calls", "2");
		values.add("delay", "2000");
		BlockingDemo.Parameters parameters = new Demos(List.of(demo), this.registry).request(demo, values, Set.of())
			.demoParameters();
		Run run = new Run(this.backends, Transport.IN_PROCESS, System::nanoTime, 1, 5);

		StepVerifier.create(demo.run(variant, parameters, run))
			.thenAwait(Duration.ofMillis(300))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		// the cancelled sleep is interrupted; whatever it does next, it has done once the
		// run's stand-in loop has shut down
		await().atMost(Duration.ofSeconds(5))
			.until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(BlockingDemoTests::isStandInLoop));

		assertThat(this.dropped).isEmpty();
	}

	private static boolean isStandInLoop(Thread thread) {
		return thread.getName().equals("lab-stand-in-loop");
	}

}
