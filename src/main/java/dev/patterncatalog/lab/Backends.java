package dev.patterncatalog.lab;

import java.net.URI;
import java.time.Duration;

import dev.patterncatalog.lab.backend.BackendFailed;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How demos call simulated backends: over real HTTP with a pooled {@link WebClient} (to
 * this service over loopback unless {@code lab.base-url} points elsewhere), or in
 * process. Cancelling a call closes its connection, which the backend sees as a cancelled
 * call.
 */
@Component
public class Backends implements DisposableBean {

	private final BackendRegistry registry;

	private final LabProperties properties;

	private final Environment environment;

	private final ConnectionProvider connections;

	private final HttpClient httpClient;

	private volatile @Nullable WebClient webClient;

	Backends(BackendRegistry registry, LabProperties properties, Environment environment) {
		this.registry = registry;
		this.properties = properties;
		this.environment = environment;
		this.connections = ConnectionProvider.builder("lab-backends")
			.maxConnections(properties.client().maxConnections())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(properties.client().pendingAcquireTimeout())
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
		this.httpClient = HttpClient.create(this.connections);
	}

	Mono<BackendReply> call(Transport transport, BackendSpec backend, long seed, int attempt) {
		if (transport == Transport.IN_PROCESS) {
			return this.registry.backend(backend.name())
				.call(backend, seed, attempt, this.properties.limits().maxHang());
		}
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		backend.parameters().forEach(parameters::add);
		parameters.add("seed", String.valueOf(seed));
		if (attempt > 0) {
			parameters.add("attempt", String.valueOf(attempt));
		}
		return webClient().get()
			.uri((uri) -> uri.path("/api/lab/backends/{name}").queryParams(parameters).build(backend.name()))
			.retrieve()
			.onStatus(HttpStatusCode::isError,
					(response) -> Mono.just(new BackendFailed(backend.name(), response.statusCode().value(),
							"HTTP " + response.statusCode().value() + " from backend '" + backend.name() + "'")))
			.bodyToMono(BackendReply.class);
	}

	private WebClient webClient() {
		WebClient client = this.webClient;
		if (client == null) {
			// the port is known only once the server has started, after this bean was
			// created
			URI base = this.properties.baseUrl();
			String url = (base != null) ? base.toString()
					: "http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080");
			client = WebClient.builder()
				.baseUrl(url)
				.clientConnector(new ReactorClientHttpConnector(this.httpClient))
				.build();
			this.webClient = client;
		}
		return client;
	}

	@Override
	public void destroy() {
		this.connections.dispose();
	}

}
