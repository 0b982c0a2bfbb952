package dev.patterncatalog.system;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The event loop of the connection a request came on, for answers that complete
 * elsewhere: on a timer, or on a worker thread.
 * <p>
 * Such an answer is handed back to its connection's event loop before it is written, to
 * keep clear of reactor/reactor-netty#4361 (Reactor Netty 1.3.6 to 1.3.8): when an answer
 * completed off the event loop, and the client's next request arrived while it was still
 * being finished there and was answered at once, the connection stopped reading, and the
 * request after that never got an answer. With curl on one connection (a backend call, a
 * failing one, the counters, the list of backends) that happened 5 times in 1 000
 * repetitions, and not once with the answers handed back. The hop costs nothing extra:
 * Netty makes the same one to write an answer given to it from another thread.
 */
public final class ConnectionLoop {

	private ConnectionLoop() {
	}

	/**
	 * The scheduler of the request's connection's event loop; outside Reactor Netty (a
	 * mock server in tests), the immediate scheduler.
	 */
	public static Scheduler of(ServerRequest request) {
		Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
		return (nativeRequest instanceof Connection connection)
				? Schedulers.fromExecutor(connection.channel().eventLoop()) : Schedulers.immediate();
	}

}
