package dev.patterncatalog.catalog.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog answers over a real socket, gzip-encoded for clients that accept it: the test
 * client does not decompress, so the bytes read are those sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompressionIntegrationTests {

	private static final String DOCUMENT = "/api/patterns/gen-pattern-003";

	private WebTestClient client;

	@BeforeEach
	void clientThatSendsAndReadsBytesAsTheyAre(@LocalServerPort int port) {
		// Spring's default connector asks for gzip and decompresses: not this one
		this.client = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
			.baseUrl("http://localhost:" + port)
			.build();
	}

	@ParameterizedTest
	@ValueSource(strings = { DOCUMENT, DOCUMENT + "?accept=text/markdown", DOCUMENT + "?accept=text/html",
			"/api/patterns?category=resilience", "/api/patterns?q=timeout", "/api/facets", DOCUMENT + "/related" })
	void aClientThatAcceptsGzipGetsTheSameAnswerCompressed(String uri) throws IOException {
		String path = uri.replaceFirst("\\?accept=.*", "");
		String accept = uri.contains("?accept=") ? uri.replaceFirst(".*\\?accept=", "") : "application/json";
		EntityExchangeResult<byte[]> plain = get(path, accept, null);
		EntityExchangeResult<byte[]> gzipped = get(path, accept, "gzip, deflate, br");

		assertThat(plain.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
		assertThat(gzipped.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(gunzip(gzipped.getResponseBody())).isEqualTo(plain.getResponseBody());
		assertThat(gzipped.getResponseBody().length).isLessThan(plain.getResponseBody().length)
			.isEqualTo(gzipped.getResponseHeaders().getContentLength());
		assertThat(gzipped.getResponseHeaders().getContentType())
			.isEqualTo(plain.getResponseHeaders().getContentType());
		assertThat(gzipped.getResponseHeaders().getETag()).isNotEqualTo(plain.getResponseHeaders().getETag());
		for (EntityExchangeResult<byte[]> result : List.of(plain, gzipped)) {
			assertThat(result.getResponseHeaders().getVary()).contains(HttpHeaders.ACCEPT_ENCODING);
		}
	}

	@Test
	void aDocumentVariesByAcceptAndByAcceptEncoding() {
		assertThat(get(DOCUMENT, "text/html", "gzip").getResponseHeaders().getVary())
			.containsExactly(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_ENCODING);
	}

	@ParameterizedTest
	@ValueSource(strings = { "identity", "gzip;q=0", "br, zstd", "gzip;q=0.5, identity", "*;q=0", "gzip;q=abc" })
	void aClientThatDoesNotAcceptGzipGetsTheAnswerAsItIs(String acceptEncoding) {
		EntityExchangeResult<byte[]> plain = get(DOCUMENT, "application/json", null);
		EntityExchangeResult<byte[]> result = get(DOCUMENT, "application/json", acceptEncoding);

		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
		assertThat(result.getResponseBody()).isEqualTo(plain.getResponseBody());
		assertThat(result.getResponseHeaders().getETag()).isEqualTo(plain.getResponseHeaders().getETag());
	}

	@Test
	void eachEncodingIsRevalidatedWithItsOwnETag() {
		String gzipEtag = get(DOCUMENT, "application/json", "gzip").getResponseHeaders().getETag();

		this.client.get()
			.uri(DOCUMENT)
			.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
			.header(HttpHeaders.IF_NONE_MATCH, gzipEtag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, gzipEtag)
			.expectHeader()
			.valueEquals(HttpHeaders.VARY, "Accept, Accept-Encoding")
			.expectHeader()
			.doesNotExist(HttpHeaders.CONTENT_ENCODING)
			.expectBody()
			.isEmpty();
		// the same validator from a client that now takes the answer as it is: not its
		// representation, so the whole answer
		this.client.get()
			.uri(DOCUMENT)
			.header(HttpHeaders.IF_NONE_MATCH, gzipEtag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.CONTENT_ENCODING);
	}

	@Test
	void headTellsTheLengthOfTheCompressedAnswer() {
		EntityExchangeResult<byte[]> get = get(DOCUMENT, "application/json", "gzip");

		this.client.head()
			.uri(DOCUMENT)
			.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
			.expectHeader()
			.contentLength(get.getResponseBody().length)
			.expectBody()
			.isEmpty();
	}

	@Test
	void aShortAnswerIsSentAsItIsAndVariesByAcceptAlone() {
		EntityExchangeResult<byte[]> result = get("/api/catalog/problems", "application/json", "gzip");

		assertThat(result.getResponseBody()).hasSizeLessThan(Prepared.MIN_GZIP_LENGTH);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isNull();
		assertThat(result.getResponseHeaders().getVary()).containsExactly(HttpHeaders.ACCEPT);
	}

	private EntityExchangeResult<byte[]> get(String uri, String accept, String acceptEncoding) {
		return this.client.get().uri(uri).header(HttpHeaders.ACCEPT, accept).headers((headers) -> {
			if (acceptEncoding != null) {
				headers.set(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
			}
		}).exchange().expectStatus().isOk().expectBody().returnResult();
	}

	private static byte[] gunzip(byte[] gzipped) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			return in.readAllBytes();
		}
	}

}
