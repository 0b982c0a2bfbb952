package dev.patterncatalog.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that go quiet are closed after {@code server.netty.idle-timeout}: one that
 * never sends a request, and one that stalls halfway through its headers. Shortened here
 * from the service's 60 s, so that each test takes a fraction of a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.netty.idle-timeout=300ms")
class IdleConnectionIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aSilentConnectionIsClosed() throws IOException {
		try (Socket socket = connect()) {
			assertClosedWithoutAnswer(socket);
		}
	}

	@Test
	void aConnectionStalledInsideItsHeadersIsClosed() throws IOException {
		try (Socket socket = connect()) {
			socket.getOutputStream()
				.write("GET /api/patterns HTTP/1.1\r\nHost: local".getBytes(StandardCharsets.US_ASCII));
			assertClosedWithoutAnswer(socket);
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("localhost", this.port);
		// far beyond the idle timeout
		socket.setSoTimeout(10_000);
		return socket;
	}

	/**
	 * The server closes the connection without a byte; if it kept it open, the read would
	 * time out and fail the test.
	 */
	private static void assertClosedWithoutAnswer(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		assertThat(in.read()).as("end of stream").isEqualTo(-1);
	}

}
