package dev.patterncatalog.lab.backend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.system.QueryBinder;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;
import org.springframework.web.ErrorResponseException;

/**
 * The simulated backends as a lean HTTP server of their own, on their own port and event
 * loops: what the lab's calls over HTTP reach. They stand in for remote services, so
 * nothing of the service's web stack runs per call (the documented
 * {@code /api/lab/backends} endpoints stay for curl and wrk).
 * <p>
 * {@code GET /api/lab/backends/{name}?model=...} takes the backend endpoint's parameters,
 * read once per distinct query and kept; the call's seed and attempt number come in the
 * {@value #SEED} and {@value #ATTEMPT} headers. A simulated failure answers its status
 * with the {@value #INJECTED} header, so that a caller can tell it from a failure of the
 * lab itself. Closing the connection cancels the call.
 */
@Component
public final class BackendServer implements DisposableBean {

	public static final String PATH = "/api/lab/backends/";

	public static final String SEED = "Lab-Seed";

	public static final String ATTEMPT = "Lab-Attempt";

	public static final String INJECTED = "Lab-Injected-Failure";

	private static final Logger logger = LoggerFactory.getLogger(BackendServer.class);

	private final BackendRegistry registry;

	private final JsonMapper json;

	/**
	 * The controllers' validator, so that a call is checked as the documented endpoint's
	 * is.
	 */
	private final Validator validator;

	private final Duration maxHang;

	/** Parsed backends by name and query; the lab asks for a few dozen distinct ones. */
	private final Cache<String, BackendSpec> specs = Caffeine.newBuilder().maximumSize(10_000).build();

	private final LoopResources loops;

	private final DisposableServer server;

	BackendServer(BackendRegistry registry, LabProperties properties, JsonMapper json,
			@Qualifier("webFluxValidator") Validator validator) {
		this.registry = registry;
		this.validator = validator;
		this.json = json;
		this.maxHang = properties.limits().maxHang();
		LabProperties.BackendServer settings = properties.backendServer();
		this.loops = LoopResources.create("lab-backends", settings.threads(), true);
		this.server = HttpServer.create()
			.host(settings.host())
			.port(settings.port())
			.runOn(this.loops)
			.idleTimeout(Duration.ofSeconds(60))
			.handle(this::handle)
			.bindNow(Duration.ofSeconds(10));
		logger.info("Simulated backends listening on {}:{}", settings.host(), this.server.port());
	}

	/**
	 * The port the server listens on.
	 */
	public int port() {
		return this.server.port();
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String uri = request.uri();
		int query = uri.indexOf('?');
		String path = (query < 0) ? uri : uri.substring(0, query);
		if (!path.startsWith(PATH) || path.length() == PATH.length()) {
			return problem(response, HttpResponseStatus.NOT_FOUND, "Not found",
					"Backends answer at " + PATH + "{name}.", false);
		}
		if (!request.method().equals(HttpMethod.GET)) {
			response.header(HttpHeaderNames.ALLOW, "GET");
			return problem(response, HttpResponseStatus.METHOD_NOT_ALLOWED, "Method not allowed",
					"Backends answer GET only.", false);
		}
		String name = path.substring(PATH.length());
		try {
			BackendSpec spec = this.specs.get(uri.substring(PATH.length()),
					(key) -> parse(name, (query < 0) ? "" : uri.substring(query + 1)));
			long seed = header(request, SEED, System.nanoTime());
			int attempt = (int) Math.max(0, Math.min(Integer.MAX_VALUE, header(request, ATTEMPT, 0)));
			return this.registry.backend(name)
				.call(spec, seed, attempt, this.maxHang)
				.flatMap((reply) -> response.status(HttpResponseStatus.OK)
					.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
					.sendByteArray(Mono.just(this.json.writeValueAsBytes(reply)))
					.then())
				.onErrorResume(BackendFailed.class, (ex) -> problem(response, ex, true))
				.onErrorResume(TimeoutException.class,
						(ex) -> problem(response, HttpResponseStatus.GATEWAY_TIMEOUT, "Backend '" + name + "' hung",
								"The backend hung, and the server gave up on the call after " + this.maxHang.toMillis()
										+ " ms (lab.limits.max-hang).",
								true));
		}
		catch (ErrorResponseException ex) {
			return problem(response, ex, false);
		}
	}

	private BackendSpec parse(String name, String query) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		new QueryStringDecoder(query, StandardCharsets.UTF_8, false).parameters().forEach(parameters::put);
		return this.registry.describe(name, QueryBinder.bind(parameters, BackendParameters.class, this.validator));
	}

	private static long header(HttpServerRequest request, String name, long defaultValue) {
		@Nullable String value = request.requestHeaders().get(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return defaultValue;
		}
	}

	private Mono<Void> problem(HttpServerResponse response, ErrorResponseException ex, boolean injected) {
		ProblemDetail body = ex.getBody();
		return problem(response, HttpResponseStatus.valueOf(ex.getStatusCode().value()),
				(body.getTitle() != null) ? body.getTitle() : "Backend failed", String.valueOf(body.getDetail()),
				injected);
	}

	private Mono<Void> problem(HttpServerResponse response, HttpResponseStatus status, String title, String detail,
			boolean injected) {
		ProblemDetail problem = ProblemDetail
			.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(status.code()), detail);
		problem.setTitle(title);
		if (injected) {
			response.header(INJECTED, "true");
		}
		return response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.sendByteArray(Mono.just(this.json.writeValueAsBytes(problem)))
			.then();
	}

	@Override
	public void destroy() {
		this.server.disposeNow(Duration.ofSeconds(5));
		// no quiet period: the server is closed, so no task can arrive on its loops
		// (Netty's
		// default waits 2 s for one, per context closed)
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(6));
	}

}
