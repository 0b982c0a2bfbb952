package dev.patterncatalog.lab.run;

import java.time.Duration;
import java.util.function.Supplier;

import dev.patterncatalog.lab.LabProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.patterncatalog.lab.backend.BackendFailed;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendServer;
import dev.patterncatalog.lab.backend.BackendSpec;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * How demos call simulated backends: over real HTTP with a Reactor Netty client and
 * connection pool of the lab's own to the backends' own server (this service's, over
 * loopback, unless {@code lab.base-url} points elsewhere), or in process. Cancelling a
 * call closes its connection, which the backend sees as a cancelled call.
 */
@Component
public class Backends implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Backends.class);

	/** The backend the warm-up calls: answers at once. */
	private static final BackendSpec WARMUP = BackendSpec.fixed("lab-warmup", 0);

	private final BackendRegistry registry;

	private final LabProperties properties;

	private final Supplier<String> baseUrl;

	private final JsonMapper json;

	/**
	 * Each backend's path and query, built once: demos call the same few again and again.
	 */
	private final Cache<BackendSpec, String> paths = Caffeine.newBuilder().maximumSize(10_000).build();

	private final PoolWaits poolWaits = new PoolWaits();

	private volatile @Nullable Client client;

	@Autowired
	public Backends(BackendRegistry registry, LabProperties properties, BackendServer server, JsonMapper json) {
		this(registry, properties, () -> (properties.baseUrl() != null) ? properties.baseUrl().toString()
				: "http://127.0.0.1:" + server.port(), json);
	}

	/**
	 * @param baseUrl where the backends' server is; asked once, at the first call over
	 * HTTP
	 */
	public Backends(BackendRegistry registry, LabProperties properties, Supplier<String> baseUrl, JsonMapper json) {
		this.registry = registry;
		this.properties = properties;
		this.baseUrl = baseUrl;
		this.json = json;
		registry.reserve(WARMUP.name());
	}

	Mono<BackendReply> call(Transport transport, BackendSpec backend, long seed, int attempt) {
		if (transport == Transport.IN_PROCESS) {
			return this.registry.backend(backend.name())
				.call(backend, seed, attempt, this.properties.limits().maxHang());
		}
		return client().http.request(HttpMethod.GET)
			.uri(this.paths.get(backend, Backends::path))
			.send((request, outbound) -> {
				request.header(BackendServer.SEED, Long.toString(seed));
				if (attempt > 0) {
					request.header(BackendServer.ATTEMPT, Integer.toString(attempt));
				}
				return outbound;
			})
			.responseSingle((response, body) -> {
				int status = response.status().code();
				if (status == 200) {
					return body.asByteArray().map((bytes) -> this.json.readValue(bytes, BackendReply.class));
				}
				String detail = "HTTP " + status + " from backend '" + backend.name() + "'";
				if (response.responseHeaders().contains(BackendServer.INJECTED)) {
					return body.then(Mono.error(new BackendFailed(backend.name(), status, detail)));
				}
				return body.asString()
					.defaultIfEmpty("")
					.flatMap((text) -> Mono.error(new BackendUnreachable(detail + ": " + text)));
			});
	}

	/**
	 * The calls waiting for a connection of the pool: a sign that the lab, not the
	 * backend, made them slow.
	 */
	PoolWaits poolWaits() {
		return this.poolWaits;
	}

	/**
	 * Opens connections and compiles the HTTP path before the first comparison needs
	 * them, with calls that take no time to a backend of the lab's own.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		int calls = this.properties.client().warmupCalls();
		if (calls == 0) {
			return;
		}
		Flux.range(0, calls)
			.flatMap((i) -> call(Transport.HTTP, WARMUP, i, 0).timeout(Duration.ofSeconds(5)), 50)
			.then()
			.subscribe(null, (ex) -> logger.warn("Warming up the lab's HTTP client failed: {}", ex.toString()));
	}

	private static String path(BackendSpec backend) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(BackendServer.PATH + backend.name());
		backend.parameters().forEach(uri::queryParam);
		return uri.encode().build().toUriString();
	}

	private Client client() {
		Client client = this.client;
		if (client == null) {
			synchronized (this) {
				client = this.client;
				if (client == null) {
					client = new Client(this.properties.client(), this.baseUrl.get(), this.poolWaits);
					this.client = client;
				}
			}
		}
		return client;
	}

	@Override
	public void destroy() {
		Client client = this.client;
		if (client != null) {
			client.dispose();
		}
	}

	/**
	 * The lab's HTTP client and its pool, on Reactor Netty's shared event loops as the
	 * service's server is: a call made on an event loop stays on it instead of waking
	 * another thread (measured in src/benchmark/README.md, "The lab's own cost").
	 */
	private static final class Client {

		private final ConnectionProvider connections;

		private final HttpClient http;

		Client(LabProperties.Client settings, String baseUrl, PoolWaits poolWaits) {
			this.connections = ConnectionProvider.builder("lab-backends")
				.maxConnections(settings.maxConnections())
				.pendingAcquireMaxCount(-1)
				.pendingAcquireTimeout(settings.pendingAcquireTimeout())
				.maxIdleTime(Duration.ofSeconds(30))
				.metrics(true, () -> poolWaits)
				.build();
			// no silent second try: a call is made once, or fails where the lab can see
			// it
			this.http = HttpClient.create(this.connections).baseUrl(baseUrl).disableRetry(true);
		}

		void dispose() {
			this.connections.dispose();
		}

	}

	/**
	 * Reads the pool's pending acquisitions, which Reactor Netty hands to a meter
	 * registrar.
	 */
	static final class PoolWaits implements ConnectionProvider.MeterRegistrar {

		private final java.util.List<ConnectionPoolMetrics> pools = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void registerMetrics(String poolName, String id, java.net.SocketAddress remoteAddress,
				ConnectionPoolMetrics metrics) {
			this.pools.add(metrics);
		}

		/**
		 * Calls waiting for a connection right now.
		 */
		int pending() {
			int pending = 0;
			for (ConnectionPoolMetrics pool : this.pools) {
				pending += pool.pendingAcquireSize();
			}
			return pending;
		}

	}

}
