package dev.patterncatalog.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers requests that cannot even be turned into a Spring request with an RFC 9457
 * problem, where Reactor Netty and Spring would send a bare 400 with no body or serve
 * them anyway: a request line or headers too long, an undecodable request, an HTTP
 * version other than 1.x, an HTTP/1.1 request without exactly one {@code Host} (which RFC
 * 9112 says must get a 400), or a target that is not a valid URI (such as the bad
 * percent-encoding in {@code ?q=%zz}). Sits right after the HTTP codec; one instance per
 * connection, which is closed after the answer.
 */
final class MalformedRequestHandler extends ChannelInboundHandlerAdapter {

	private final JsonMapper json;

	private boolean discarding;

	MalformedRequestHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) {
		if (this.discarding) {
			ReferenceCountUtil.release(message);
			return;
		}
		if (message instanceof HttpRequest request) {
			Rejection rejection = check(request);
			if (rejection != null) {
				this.discarding = !(message instanceof LastHttpContent);
				ReferenceCountUtil.release(message);
				context.writeAndFlush(response(rejection, request.uri())).addListener(ChannelFutureListener.CLOSE);
				return;
			}
		}
		context.fireChannelRead(message);
	}

	private static @Nullable Rejection check(HttpRequest request) {
		DecoderResult result = request.decoderResult();
		if (result.isFailure()) {
			Throwable cause = result.cause();
			if (cause instanceof TooLongHttpLineException) {
				return new Rejection(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is too long.");
			}
			if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
				return new Rejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
						"The request headers are too large.");
			}
			return new Rejection(HttpResponseStatus.BAD_REQUEST, "The request is not valid HTTP.");
		}
		HttpVersion version = request.protocolVersion();
		if (version.majorVersion() != 1) {
			return new Rejection(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED,
					"This service speaks HTTP/1.1 (and 1.0), not " + version.text() + ".");
		}
		List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
		if (hosts.size() > 1 || (hosts.isEmpty() && version.minorVersion() > 0)) {
			return new Rejection(HttpResponseStatus.BAD_REQUEST,
					"An HTTP/1.1 request carries exactly one Host header (RFC 9112, section 3.2); this one has "
							+ hosts.size() + ".");
		}
		String host = hosts.isEmpty() ? null : hosts.get(0);
		if (host != null && !isHost(host)) {
			return new Rejection(HttpResponseStatus.BAD_REQUEST,
					"The Host header is not a host name or address with an optional port (RFC 9110, section 7.2).");
		}
		if (isPlainTarget(request.uri())) {
			return null;
		}
		try {
			new URI(request.uri());
			return null;
		}
		catch (URISyntaxException ex) {
			return new Rejection(HttpResponseStatus.BAD_REQUEST,
					"The request target is not a valid URI: " + ex.getReason() + " at index " + ex.getIndex()
							+ ". Percent signs must start an escape of two hex digits, such as %20.");
		}
	}

	/**
	 * Whether {@code target} is a path and query made only of characters that {@link URI}
	 * accepts anywhere in them (RFC 2396's unreserved and reserved characters, and
	 * escapes of two hex digits): the usual request, checked without building a URI
	 * (measured in {@code src/benchmark/README.md}). Anything else is parsed, for the
	 * precise reason it is wrong.
	 */
	static boolean isPlainTarget(String target) {
		if (target.isEmpty() || target.charAt(0) != '/' || (target.length() > 1 && target.charAt(1) == '/')) {
			return false;
		}
		for (int i = 1; i < target.length(); i++) {
			char c = target.charAt(i);
			if (c == '%') {
				if (i + 2 >= target.length() || !isHexDigit(target.charAt(i + 1))
						|| !isHexDigit(target.charAt(i + 2))) {
					return false;
				}
				i += 2;
			}
			else if (!isLetterOrDigit(c) && "-_.!~*'();/?:@&=+$,".indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether {@code host} is a Host header's value (RFC 3986's host and optional port):
	 * a name of dot-separated labels of letters, digits and hyphens, or an IPv6 address
	 * in brackets, then at most one port of up to five digits no larger than 65535.
	 */
	static boolean isHost(String host) {
		int portStart = host.lastIndexOf(':');
		String name = host;
		if (host.startsWith("[")) {
			int end = host.indexOf(']');
			if (end < 0 || !host.substring(1, end).matches("[0-9A-Fa-f:.]+")) {
				return false;
			}
			name = null;
			portStart = (end + 1 < host.length()) ? end + 1 : -1;
			if (portStart > 0 && host.charAt(portStart) != ':') {
				return false;
			}
		}
		if (portStart >= 0) {
			String port = host.substring(portStart + 1);
			if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch((c) -> c >= '0' && c <= '9')
					|| Integer.parseInt(port) > 65535) {
				return false;
			}
			if (name != null) {
				name = host.substring(0, portStart);
			}
		}
		if (name == null) {
			return true;
		}
		String labels = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
		if (labels.isEmpty()) {
			return false;
		}
		for (String label : labels.split("\\.", -1)) {
			if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
					|| !label.chars().allMatch((c) -> isLetterOrDigit((char) c) || c == '-')) {
				return false;
			}
		}
		return true;
	}

	private static boolean isLetterOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static boolean isHexDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private FullHttpResponse response(Rejection rejection, String uri) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", rejection.status().reasonPhrase());
		problem.put("status", rejection.status().code());
		problem.put("detail", rejection.detail());
		byte[] body = this.json.writeValueAsBytes(problem);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, rejection.status(),
				Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.set(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CACHE_CONTROL, "no-store")
			.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()))
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		return response;
	}

	private record Rejection(HttpResponseStatus status, String detail) {
	}

}
