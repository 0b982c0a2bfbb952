package dev.patterncatalog.catalog.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP side of the catalog API over a real socket: conditional requests, HEAD, and
 * the problems answered to what it cannot serve.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PatternApiHttpIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	RouterFunction<ServerResponse> documentByIdAsJson;

	@ParameterizedTest
	@ValueSource(strings = { "/api/patterns", "/api/patterns?q=retry&tag=retry", "/api/patterns/gen-pattern-003",
			"/api/patterns/gen-pattern-003/related", "/api/patterns/gen-pattern-003/examples?language=java",
			"/api/facets", "/api/facets?category=resilience", "/api/catalog/problems" })
	void everyGetHasAnETagHonouredWith304(String uri) {
		String etag = this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60, public")
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		assertThat(etag).isNotBlank();

		this.client.get()
			.uri(uri)
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectBody()
			.isEmpty();
		this.client.get()
			.uri(uri)
			.header(HttpHeaders.IF_NONE_MATCH, "\"something-else\"")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void eachRepresentationHasItsOwnETag() {
		String json = etag(MediaType.APPLICATION_JSON);
		String markdown = etag(MediaType.parseMediaType("text/markdown"));
		String html = etag(MediaType.TEXT_HTML);

		assertThat(List.of(json, markdown, html)).doesNotHaveDuplicates();
	}

	private String etag(MediaType accept) {
		return this.client.get()
			.uri("/api/patterns/gen-pattern-003")
			.accept(accept)
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
	}

	@ParameterizedTest
	@ValueSource(strings = { "identity", "gzip" })
	void theFastPathAnswersAsTheControllerDoes(String encoding) {
		// a plain Accept takes DocumentReadFastPath, one with a second range the
		// controller
		assertThat(takesTheFastPath("application/json")).isTrue();
		assertThat(takesTheFastPath("application/json, text/plain;q=0.1")).isFalse();
		EntityExchangeResult<byte[]> fast = document("application/json", encoding, null);
		EntityExchangeResult<byte[]> controller = document("application/json, text/plain;q=0.1", encoding, null);
		assertThat(fast.getResponseBody()).isEqualTo(controller.getResponseBody());
		HttpHeaders fastHeaders = fast.getResponseHeaders();
		HttpHeaders controllerHeaders = controller.getResponseHeaders();
		for (String header : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_ENCODING,
				HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY)) {
			assertThat(fastHeaders.get(header)).as(header).isEqualTo(controllerHeaders.get(header));
		}
		assertThat(fastHeaders.getETag()).isNotNull();
		String etag = fastHeaders.getETag();
		assertThat(document("application/json", encoding, etag).getStatus().value()).isEqualTo(304);
		assertThat(document("application/json, text/plain;q=0.1", encoding, etag).getStatus().value()).isEqualTo(304);
	}

	private boolean takesTheFastPath(String accept) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/patterns/gen-pattern-003").header(HttpHeaders.ACCEPT, accept));
		ServerRequest request = ServerRequest.create(exchange, HandlerStrategies.withDefaults().messageReaders());
		return this.documentByIdAsJson.route(request).blockOptional().isPresent();
	}

	private EntityExchangeResult<byte[]> document(String accept, String encoding, @Nullable String ifNoneMatch) {
		return this.client.get()
			.uri("/api/patterns/gen-pattern-003")
			.header(HttpHeaders.ACCEPT, accept)
			.header(HttpHeaders.ACCEPT_ENCODING, encoding)
			.headers((headers) -> {
				if (ifNoneMatch != null) {
					headers.setIfNoneMatch(ifNoneMatch);
				}
			})
			.exchange()
			.expectBody()
			.returnResult();
	}

	@Test
	void anUnknownIdIsA404Problem() {
		this.client.get()
			.uri("/api/patterns/no-such-pattern")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Pattern not found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isEqualTo("No pattern has the id 'no-such-pattern'. GET /api/patterns lists them.")
			.jsonPath("$.instance")
			.isEqualTo("/api/patterns/no-such-pattern");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/api/patterns/Not_An_Id|id", "/api/patterns/..%2F..%2Fetc%2Fpasswd|id",
			"/api/patterns/a..b/related|id", "/api/patterns?size=0|size", "/api/patterns?size=101|size",
			"/api/patterns?page=-1|page", "/api/patterns?page=abc|page", "/api/patterns?page=99999999999|page",
			"/api/patterns?sort=bogus|sort", "/api/patterns?sort=relevance|sort", "/api/patterns?sorting=title|sorting",
			"/api/patterns?page=1&page=2|page", "/api/facets?page=1|page", "/api/facets?q=a&q=b|q",
			"/api/patterns/gen-pattern-003?format=html|format", "/api/patterns/gen-pattern-003/examples?lang=java|lang",
			"/api/catalog/problems?x=1|x" })
	void badParametersAre400ProblemsNamingTheParameter(String uri, String parameter) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(parameter));
	}

	@Test
	void tooLongOrTooManyValuesAre400() {
		this.client.get()
			.uri("/api/patterns?q={q}", "x".repeat(201))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Parameter 'q' is longer than 200 characters.");
		this.client.get()
			.uri("/api/patterns?tag=a&tag=b&tag=c&tag=d&tag=e&tag=f&tag=g&tag=h&tag=i&tag=j&tag=k")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Parameter 'tag' is given 11 times; at most 10 are allowed.");
		this.client.get()
			.uri("/api/patterns?q={q}", "line\nbreak\u0001")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Parameter 'q' contains control characters.");
	}

	@Test
	void anUnservableAcceptIsA406Problem() {
		this.client.get()
			.uri("/api/patterns/gen-pattern-003")
			.accept(MediaType.IMAGE_PNG)
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Not Acceptable");
		this.client.get().uri("/api/patterns").accept(MediaType.TEXT_MARKDOWN).exchange().expectStatus().isEqualTo(406);
		this.client.get()
			.uri("/api/patterns/gen-pattern-003")
			.header(HttpHeaders.ACCEPT, "application/json;q=0, text/*;q=0")
			.exchange()
			.expectStatus()
			.isEqualTo(406);
	}

	@Test
	void headAnswersTheHeadersOfGetWithoutTheBody() {
		// identity: the test client would otherwise ask for gzip, and decompress the body
		// of GET, but not the length HEAD tells
		EntityExchangeResult<byte[]> get = this.client.get()
			.uri("/api/patterns/gen-pattern-003")
			.header(HttpHeaders.ACCEPT_ENCODING, "identity")
			.exchange()
			.expectBody()
			.returnResult();
		this.client.head()
			.uri("/api/patterns/gen-pattern-003")
			.header(HttpHeaders.ACCEPT_ENCODING, "identity")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, get.getResponseHeaders().getETag())
			.expectHeader()
			.contentLength(get.getResponseBody().length)
			.expectBody()
			.isEmpty();
	}

	@Test
	void wrongMethodsAndUnknownPathsAreProblemsToo() {
		this.client.post()
			.uri("/api/patterns")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "GET,HEAD,OPTIONS")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.delete()
			.uri("/api/patterns/gen-pattern-003")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/api/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
