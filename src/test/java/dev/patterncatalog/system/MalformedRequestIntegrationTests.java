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
			value = { "HTTP/2.0|Host: localhost|505|speaks HTTP/1.1 (and 1.0), not HTTP/2.0",
					"HTTP/9.9|Host: localhost|505|not HTTP/9.9", "HTTP/1.1|X-No-Host: 1|400|this one has 0",
					"HTTP/1.1|Host: a\\r\\nHost: b|400|exactly one Host header (RFC 9112, section 3.2); this one has 2",
					"HTTP/1.0|Host: a\\r\\nHost: b|400|this one has 2" })
	void aVersionOtherThan1OrAMissingOrRepeatedHostIsAProblem(String version, String headers, int status, String detail)
			throws IOException {
		String response = send("GET /api/patterns?size=1 " + version + "\r\n" + headers.replace("\\r\\n", "\r\n")
				+ "\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 " + status)
			.containsIgnoringCase("content-type: application/problem+json")
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
	@CsvSource(delimiter = '|', value = { "a..b", "evil.example:99999", "a b", "[::1", "host:1:2", "_x", "-x.com" })
	void aHostThatIsNoHostNameOrAddressIsAProblem(String host) throws IOException {
		String response = send("GET /api/patterns?size=1 HTTP/1.1\r\nHost: " + host + "\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("content-type: application/problem+json")
			.containsIgnoringCase("\r\ndate: ")
			.contains("The Host header is not a host name or address");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "GET /api/patterns?q=retry HTTP/1.1", "GET /api/patterns?q=%E2%9C%93 HTTP/1.1" })
	void validRequestsStillPass(String requestLine) throws IOException {
		assertThat(send(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "HTTP/1.0|''", "HTTP/1.0|Host: localhost\\r\\n", "HTTP/1.2|Host: localhost\\r\\n" })
	void http10WithoutHostAndLaterMinorVersionsAreServed(String version, String host) throws IOException {
		String response = send("GET /api/patterns?size=1 " + version + "\r\n" + host.replace("\\r\\n", "\r\n")
				+ "Connection: close\r\n\r\n");

		assertThat(response).matches("(?s)HTTP/1\\.\\d 200 .*");
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
