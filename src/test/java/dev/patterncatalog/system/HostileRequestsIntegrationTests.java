package dev.patterncatalog.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More than a hundred hostile requests against every endpoint, written to a plain socket
 * so that nothing cleans them up on the way: every answer is a 4xx problem, none is a
 * 5xx, and the service keeps serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsIntegrationTests {

	private static final String LONG = "x".repeat(300);

	@LocalServerPort
	int port;

	static Stream<Arguments> hostileRequests() {
		List<Arguments> requests = new ArrayList<>();
		// ids that are malformed, traversal attempts or unknown, on every endpoint that
		// takes one
		for (String id : List.of("Not_An_Id", "UPPER", "a--b", "-a", "a-", "..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd",
				"%2Fetc%2Fpasswd", "%00", "a%20b", "%C3%A9", "%FF%FE", LONG, "no-such-pattern", "null")) {
			for (String suffix : List.of("", "/related", "/examples")) {
				requests.add(get("/api/patterns/" + id + suffix));
			}
		}
		// listing and facets: numbers out of range or not numbers, unknown values,
		// repeats, lengths, control chars
		for (String query : List.of("page=-1", "page=abc", "page=1e3", "page=99999999999999999999", "page=10001",
				"size=0", "size=101", "size=-5", "size=NaN", "size=1.5", "sort=bogus", "sort=--title", "sort=relevance",
				"sort=TITLE", "q=" + "a".repeat(201), "category=" + "c".repeat(65), "unknown=1", "page=1&page=2",
				"q=a&q=b", "category=a&category=b", "q=%00", "q=a%0Ab",
				"tag=a&tag=b&tag=c&tag=d&tag=e&tag=f&tag=g" + "&tag=h&tag=i&tag=j&tag=k", "q=%zz", "q=%", "q=%%",
				"page=%")) {
			requests.add(get("/api/patterns?" + query));
		}
		for (String query : List.of("page=1", "size=1", "sort=title", "q=a&q=b", "x=1")) {
			requests.add(get("/api/facets?" + query));
		}
		requests.add(get("/api/catalog/problems?x=1"));
		requests.add(get("/api/patterns/gen-pattern-003/examples?language=" + LONG));
		requests.add(get("/api/patterns/gen-pattern-003/examples?language=a&language=b"));
		// the lab: unknown demos, unknown or out-of-range parameters, bad variants and
		// transports
		for (String query : List.of("variant=none-such", "transport=pigeon", "seed=abc", "seed=1.5",
				"seed=99999999999999999999", "backends=,", "backends=,,,", "backends=nope", "backends=" + LONG,
				"timeout=-1", "timeout=30001", "timeout=1e9", "timeout=NaN", "timeout=Infinity", "bogus=1",
				"variant=parallel&variant=sequential")) {
			requests.add(get("/api/lab/demos/fan-out?" + query));
		}
		for (String demo : List.of("timeout?delay=30001", "timeout?hang=yes", "retry?attempts=11", "retry?error-rate=2",
				"retry?error-rate=-0.1", "circuit-breaker?calls=501", "circuit-breaker?window=1", "bulkhead?calls=0",
				"bulkhead?limit=101", "rate-limiter?period=10001", "hedging?backend=nope", "hedging?hedge-after=-1",
				"tail-amplification?n=101", "tail-amplification?p=1.01", "blocking?calls=21", "blocking?delay=2001",
				"blocking?probes=0", "cancel-on-disconnect?n=0", "partial-failure?failing=profile&backends=settings",
				"teleport", "..%2Fbackends%2Fstats")) {
			requests.add(get("/api/lab/demos/" + demo));
		}
		for (String query : List.of("runs=0", "runs=10001", "concurrency=0", "concurrency=1001", "runs=a",
				"runs=1&runs=2")) {
			requests.add(get("/api/lab/demos/fan-out/compare?" + query));
		}
		for (String backend : List.of("unconfigured", "Bad_Name", "stats2?model=cubic", "profile?delay=-1",
				"profile?delay=30001", "profile?p=0.5", "x?model=uniform&min=5&max=1", "x?model=lognormal&median=0",
				"x?model=tail&base=1&slow=2", "profile?error-status=200", "profile?error-status=600",
				"profile?fail-first=-1", "profile?attempt=-1", "profile?seed=x", "profile?hang=1", LONG)) {
			requests.add(get("/api/lab/backends/" + backend));
		}
		requests.add(request("POST", "/api/lab/jobs?batches=0"));
		requests.add(request("POST", "/api/lab/jobs?batches=10000&batch-ms=60000"));
		requests.add(request("POST", "/api/lab/jobs?batch-ms=abc"));
		requests.add(get("/api/lab/jobs/nope"));
		requests.add(request("DELETE", "/api/lab/jobs/nope"));
		// wrong methods
		for (String path : List.of("/api/patterns", "/api/patterns/gen-pattern-003", "/api/facets",
				"/api/catalog/problems", "/api/lab/demos", "/api/lab/demos/fan-out", "/api/lab/backends/profile")) {
			requests.add(request("POST", path));
			requests.add(request("PUT", path));
			requests.add(request("DELETE", path));
		}
		requests.add(request("PATCH", "/api/lab/jobs"));
		// representations that cannot be served
		requests.add(get("/api/patterns/gen-pattern-003", "Accept: image/png"));
		requests.add(get("/api/patterns/gen-pattern-003", "Accept: application/json;q=0, text/*;q=0"));
		requests.add(get("/api/patterns", "Accept: text/markdown"));
		requests.add(get("/api/facets", "Accept: application/xml"));
		requests.add(get("/api/lab/demos", "Accept: text/plain"));
		// Accept headers that cannot be parsed, on every endpoint
		List<String> accepts = List.of("application/json;q=abc", "application/json;q=2", ",,,;;", "garbage", "text/",
				"*/json", "application/json; charset=\"");
		List<String> targets = List.of("/api/patterns", "/api/patterns/gen-pattern-003",
				"/api/patterns/gen-pattern-003/related", "/api/patterns/gen-pattern-003/examples", "/api/facets",
				"/api/catalog/problems", "/api/lab/demos", "/api/lab/demos/fan-out?transport=in-process",
				"/api/lab/demos/fan-out/compare?runs=1", "/api/lab/backends", "/api/lab/backends/profile",
				"/api/lab/backends/stats", "/api/lab/jobs", "/v3/api-docs");
		for (int i = 0; i < targets.size(); i++) {
			requests.add(get(targets.get(i), "Accept: " + accepts.get(i % accepts.size())));
		}
		// sizes: a request line and headers past the limits, unknown paths
		requests.add(get("/api/patterns?q=" + "a".repeat(9000)));
		requests.add(get("/api/patterns", "X-Padding: " + "b".repeat(20_000)));
		requests.add(get("/api/nowhere"));
		requests.add(get("/actuator/env"));
		requests.add(get("/actuator/beans"));
		requests.add(get("/actuator/health/no-such-component"));
		requests.add(get("/actuator/health/catalog/no-such-part"));
		requests.add(get("/actuator/health/readiness/no-such-part"));
		return requests.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("hostileRequests")
	void aHostileRequestGetsA4xxProblem(String method, String target, List<String> headers) throws IOException {
		String response = send(method, target, headers);

		String statusLine = response.lines().findFirst().orElse("");
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		assertThat(status).as(method + " " + target + " answered " + statusLine).isBetween(400, 499);
		assertThat(response).containsIgnoringCase("content-type: application/problem+json")
			.contains("\"status\":" + status);
	}

	@Test
	void theCorpusIsLargeAndCoversEveryEndpoint() {
		List<String> targets = hostileRequests().map((a) -> (String) a.get()[1]).toList();
		assertThat(targets).hasSizeGreaterThanOrEqualTo(100);
		for (String endpoint : List.of("/api/patterns?", "/related", "/examples", "/api/facets",
				"/api/catalog/problems", "/api/lab/demos/", "/compare", "/api/lab/backends/", "/api/lab/jobs")) {
			assertThat(targets).as(endpoint).anyMatch((t) -> t.contains(endpoint));
		}
	}

	@AfterAll
	void theServiceStillServes() throws IOException {
		assertThat(send("GET", "/api/patterns/gen-pattern-003", List.of())).startsWith("HTTP/1.1 200");
		assertThat(send("GET", "/api/lab/demos/fan-out?variant=parallel&transport=in-process", List.of()))
			.startsWith("HTTP/1.1 200");
	}

	private static Arguments get(String target, String... headers) {
		return Arguments.of("GET", target, List.of(headers));
	}

	private static Arguments request(String method, String target) {
		return Arguments.of(method, target, List.of());
	}

	private String send(String method, String target, List<String> headers) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
			headers.forEach((header) -> request.append(header).append("\r\n"));
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
