package dev.patterncatalog.system;

import io.netty.channel.EventLoop;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;

/**
 * Works around reactor/reactor-netty#4361 (Reactor Netty 1.3.6 to 1.3.8, the newest
 * served here; fixed upstream after 1.3.8): when an answer completed off its connection's
 * event loop (on a timer, or a worker thread), and the client's next request arrived
 * while it was still being finished there and was answered at once, the connection
 * stopped reading, and the request after that never got an answer. Every answer's body is
 * handed back to its connection's event loop before it is written, the hop Netty would
 * make anyway; a body already on the loop goes on at once. Remove this class once the
 * project takes a Reactor Netty with the fix, and
 * {@code BackendKeepAliveIntegrationTests} still passes without it.
 */
@Component
class ReactorNetty4361 implements HttpHandlerDecoratorFactory {

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> {
			if (!(ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection)) {
				return handler.handle(request, response);
			}
			return handler.handle(request, new OnItsLoop(response, connection.channel().eventLoop()));
		};
	}

	private static final class OnItsLoop extends ServerHttpResponseDecorator {

		private final Scheduler loop;

		OnItsLoop(ServerHttpResponse response, EventLoop loop) {
			super(response);
			this.loop = Schedulers.fromExecutor((task) -> {
				if (loop.inEventLoop()) {
					task.run();
				}
				else {
					loop.execute(task);
				}
			});
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			// a single buffer stays a Mono: Spring writes it with its length
			return super.writeWith((body instanceof Mono<? extends DataBuffer> one) ? one.publishOn(this.loop)
					: Flux.from(body).publishOn(this.loop));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return super.writeAndFlushWith(
					Flux.from(body).map((chunk) -> Flux.from(chunk).publishOn(this.loop)).publishOn(this.loop));
		}

	}

}
