package dev.patterncatalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real image, built from the project's Dockerfile and the packaged jar, run with the
 * 512 MB memory limit it is sized for. Skipped where no Docker is available. Without
 * registry access, set CONTAINER_BASE_IMAGE to a local base image (see
 * docker/build-base-image.sh).
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerImageIT {

	private static final String BASE_IMAGE = System.getenv()
		.getOrDefault("CONTAINER_BASE_IMAGE", "eclipse-temurin:17-jre");

	private static final long MEMORY_LIMIT = 512L * 1024 * 1024;

	// a thousand connections opened at once on a shared two-core machine wait in the
	// accept queue for seconds; what is tested is that each gets its answer
	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

	private static GenericContainer<?> container;

	@BeforeAll
	static void start() throws IOException {
		ImageFromDockerfile image = new ImageFromDockerfile("pattern-catalog-it", true)
			.withFileFromPath("Dockerfile", Path.of("Dockerfile"))
			.withFileFromPath("target/" + jar().getFileName(), jar())
			.withBuildArg("BASE_IMAGE", BASE_IMAGE);
		container = new GenericContainer<>(image).withExposedPorts(8080)
			.withCreateContainerCmdModifier((command) -> command.getHostConfig().withMemory(MEMORY_LIMIT))
			.waitingFor(Wait.forHttp("/actuator/health/readiness").forStatusCode(200))
			.withStartupTimeout(Duration.ofMinutes(2));
		container.start();
	}

	@AfterAll
	static void stop() {
		if (container != null) {
			container.stop();
		}
	}

	@Test
	@Order(1)
	void servesTheCatalogAndTheLab() throws Exception {
		assertThat(get("/api/patterns/gen-pattern-003").body()).contains("\"title\":\"Async/Await Patterns\"");
		HttpResponse<String> demo = get("/api/lab/demos/fan-out?variant=parallel");
		assertThat(demo.statusCode()).isEqualTo(200);
		assertThat(demo.body()).contains("\"result\":\"ok\"", "\"theory\":{\"metric\":\"total_ms\",\"value\":200.0");
		assertThat(get("/actuator/health/readiness").body()).contains("\"catalog\"", "\"documents\":26");
		assertThat(get("/actuator/info").body()).contains("\"build\"", "\"artifact\":\"pattern-catalog\"");
	}

	@Test
	@Order(2)
	void keepsServingThroughABurstOfLabRunsWithinItsMemoryLimit() {
		// a thousand fan-outs at a time, each making three loopback HTTP calls: the load
		// that got the service killed for memory in a 256 MB container. Each is given
		// time to be answered on a busy shared machine: what is tested is that all are,
		// within the memory limit
		List<String> answers = Flux.range(0, 6000)
			.flatMap((i) -> Mono
				.fromFuture(() -> http.sendAsync(
						request("/api/lab/demos/fan-out?variant=parallel&seed=" + i, Duration.ofSeconds(90)),
						HttpResponse.BodyHandlers.discarding()))
				.map((response) -> String.valueOf(response.statusCode()))
				// a request that got no answer at all, by what the client saw
				.onErrorResume((ex) -> Mono.just(ex.getClass().getSimpleName())), 1000)
			.collectList()
			.block(Duration.ofMinutes(4));
		assertThat(answers).hasSize(6000).containsOnly("200");
		assertThat(docker().inspectContainerCmd(container.getContainerId()).exec().getState().getOOMKilled()).isFalse();
	}

	@Test
	@Order(3)
	void theHeaviestComparisonsAllowedFinishWithinTheHeapAndHeavierOnesAreRefused() throws Exception {
		// what ended the JVM with OutOfMemoryError before the lab bounded its calls in
		// flight: now a 400 naming the limit
		HttpResponse<String> refused = get("/api/lab/demos/cancel-on-disconnect/compare?runs=3000&concurrency=1000"
				+ "&n=100&delay=1000&transport=in-process");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("lab.limits.max-calls-in-flight");
		// two comparisons at once, each holding the most calls one may (2 000), over
		// HTTP:
		// together the whole budget of the lab
		String heaviest = "/api/lab/demos/cancel-on-disconnect/compare?runs=60&concurrency=20&n=100&delay=1000&disconnect=0"
				+ "&warmup=0";
		List<HttpResponse<String>> answers = Flux.range(0, 2)
			.flatMap((i) -> Mono.fromFuture(
					() -> http.sendAsync(request(heaviest + "&seed=" + i), HttpResponse.BodyHandlers.ofString())))
			.collectList()
			.block(Duration.ofMinutes(2));
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("\"verdict\"", "\"count\":60");
		});
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(docker().inspectContainerCmd(container.getContainerId()).exec().getState().getOOMKilled()).isFalse();
	}

	@Test
	@Order(4)
	void runsAsANonRootUserWithinItsMemoryLimit() throws Exception {
		assertThat(container.execInContainer("id", "-u").getStdout().strip()).isNotEqualTo("0").isEqualTo("10001");
		InspectContainerResponse inspect = docker().inspectContainerCmd(container.getContainerId()).exec();
		assertThat(inspect.getConfig().getUser()).isEqualTo("catalog");
		assertThat(inspect.getHostConfig().getMemory()).isEqualTo(MEMORY_LIMIT);
		assertThat(inspect.getState().getOOMKilled()).isFalse();
	}

	@Test
	@Order(5)
	void itsHealthCheckReportsHealthy() {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(
					docker().inspectContainerCmd(container.getContainerId()).exec().getState().getHealth().getStatus())
				.isEqualTo("healthy"));
	}

	@Test
	@Order(6)
	void sigtermLetsTheRequestInFlightFinishAndExitsCleanly() throws Exception {
		CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
				request("/api/lab/demos/timeout?variant=none&delay=2000&transport=in-process"),
				HttpResponse.BodyHandlers.ofString());
		Thread.sleep(300);

		long start = System.nanoTime();
		docker().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
		long stopSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

		HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"result\":\"ok\"");
		InspectContainerResponse.ContainerState state = docker().inspectContainerCmd(container.getContainerId())
			.exec()
			.getState();
		// 128 + SIGTERM: the JVM ended on the signal after its shutdown hooks; 137 would
		// be a kill
		assertThat(state.getExitCodeLong()).isEqualTo(143);
		assertThat(stopSeconds).isLessThan(20);
	}

	private static DockerClient docker() {
		return container.getDockerClient();
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(request(path), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest request(String path) {
		return request(path, Duration.ofSeconds(30));
	}

	private static HttpRequest request(String path, Duration timeout) {
		return HttpRequest
			.newBuilder(URI.create("http://" + container.getHost() + ":" + container.getMappedPort(8080) + path))
			.timeout(timeout)
			.build();
	}

	private static Path jar() throws IOException {
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "pattern-catalog-*.jar")) {
			for (Path jar : jars) {
				if (!jar.toString().endsWith("-plain.jar")) {
					return jar;
				}
			}
		}
		throw new IllegalStateException("no jar in target/: the container test runs after ./mvnw package");
	}

}
