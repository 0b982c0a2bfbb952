package dev.patterncatalog.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no HTTP client library would send, written to a plain socket: they must still
 * get a problem answer, not a bare status line or a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "GET /api/patterns?q=%zz HTTP/1.1|Percent signs must start an escape",
					"GET /api/patterns/%zz HTTP/1.1|Percent signs must start an escape",
					"GET /api/patterns?q=% HTTP/1.1|Percent signs must start an escape",
					"GET /api/patterns?q=a b c HTTP/1.1|The request is not valid HTTP." })
	void anInvalidRequestIsAProblem(String requestLine, String detail) throws IOException {
		String response = send(requestLine + "\r\nHost: localhost\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("content-type: application/problem+json")
			.contains("\"status\":400")
			.contains(detail);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "8000|0|414|The request line is too long.", "0|20000|431|The request headers are too large." })
	void oversizedRequestsAreProblems(int queryLength, int headerLength, int status, String detail) throws IOException {
		String response = send("GET /api/patterns?q=" + "a".repeat(queryLength) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "X-Padding: " + "b".repeat(headerLength) + "\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 " + status).contains("\"detail\":\"" + detail + "\"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "GET /api/patterns?q=retry HTTP/1.1", "GET /api/patterns?q=%E2%9C%93 HTTP/1.1" })
	void validRequestsStillPass(String requestLine) throws IOException {
		assertThat(send(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
