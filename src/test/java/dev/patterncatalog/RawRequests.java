package dev.patterncatalog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written on a plain socket, so that a test can hang up (close the socket)
 * without reading the answer, as a client that goes away does.
 */
public final class RawRequests {

	private RawRequests() {
	}

	/**
	 * Opens a connection to the service on {@code port} and sends
	 * {@code GET path HTTP/1.1} with the given header lines (each {@code Name: value}).
	 */
	public static Socket get(int port, String path, String... headers) throws IOException {
		Socket socket = new Socket("localhost", port);
		StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		OutputStream out = socket.getOutputStream();
		out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

}
