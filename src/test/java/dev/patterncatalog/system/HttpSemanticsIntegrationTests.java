package dev.patterncatalog.system;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP by the book (RFC 9110 and what browsers rely on), over a real socket: the headers
 * every answer carries, conditional requests, OPTIONS, what a cache and a browser are
 * told, and what a request from another site or with another Host cannot do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class HttpSemanticsIntegrationTests {

	private static final String DOCUMENT = "/api/patterns/gen-pattern-003";

	@Autowired
	WebTestClient client;

	@ParameterizedTest
	@ValueSource(strings = { DOCUMENT, "/api/patterns?q=retry", "/api/lab/demos", "/api/lab/backends/stats",
			"/api/patterns/no-such-id", "/nowhere", "/actuator/health", "/v3/api-docs" })
	void everyAnswerIsDatedAndNotToBeSniffed(String uri) {
		HttpHeaders headers = this.client.get().uri(uri).exchange().returnResult(byte[].class).getResponseHeaders();

		Instant date = ZonedDateTime.parse(headers.getFirst(HttpHeaders.DATE), DateTimeFormatter.RFC_1123_DATE_TIME)
			.toInstant();
		assertThat(Duration.between(date, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void ifNoneMatchAnyIsNotModifiedForAResourceThatExists() {
		this.client.get()
			.uri(DOCUMENT)
			.header(HttpHeaders.IF_NONE_MATCH, "*")
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectBody()
			.isEmpty();
	}

	@Test
	void ifMatchNamingNoCurrentRepresentationIsAPreconditionFailure() {
		String etag = this.client.get()
			.uri(DOCUMENT)
			.exchange()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getETag();

		this.client.get()
			.uri(DOCUMENT)
			.header(HttpHeaders.IF_MATCH, "\"not-it\"")
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Precondition failed");
		for (String holds : new String[] { etag, "*", "\"not-it\", " + etag }) {
			this.client.get().uri(DOCUMENT).header(HttpHeaders.IF_MATCH, holds).exchange().expectStatus().isOk();
		}
		// If-Match compares strongly: a weak tag does not match
		this.client.get()
			.uri(DOCUMENT)
			.header(HttpHeaders.IF_MATCH, "W/" + etag)
			.exchange()
			.expectStatus()
			.isEqualTo(412);
	}

	@ParameterizedTest
	@ValueSource(strings = { DOCUMENT, "/api/patterns", "/api/facets", "/api/lab/demos" })
	void optionsSaysWhatIsAllowed(String uri) {
		this.client.options()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "GET,HEAD,OPTIONS");
	}

	@Test
	void optionsOnJobsHasNoEmptyAcceptPatch() {
		HttpHeaders headers = this.client.options()
			.uri("/api/lab/jobs")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(byte[].class)
			.getResponseHeaders();

		assertThat(headers.getAllow()).contains(HttpMethod.GET, HttpMethod.POST);
		assertThat(headers.containsHeader(HttpHeaders.ACCEPT_PATCH)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { DOCUMENT, "/api/facets", "/api/lab/demos" })
	void aNotAcceptableAnswerHasNoAcceptHeader(String uri) {
		HttpHeaders headers = this.client.get()
			.uri(uri)
			.accept(MediaType.IMAGE_PNG)
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.returnResult(byte[].class)
			.getResponseHeaders();

		assertThat(headers.containsHeader(HttpHeaders.ACCEPT)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/facets", "/api/catalog/problems", "/api/patterns/gen-pattern-003/related" })
	void aCacheableAnswerThatAcceptCouldHaveMadeA406VariesByAccept(String uri) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.VARY, (vary) -> assertThat(vary).contains(HttpHeaders.ACCEPT));
	}

	@Test
	void aPageOfAnotherSiteCannotStartAJob() {
		this.client.post()
			.uri("/api/lab/jobs?batches=1&batch-ms=1")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.post()
			.uri("/api/lab/jobs?batches=1&batch-ms=1")
			.contentType(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isEqualTo(415);
	}

	@Test
	void theServicesOwnPagesAndPlainClientsStartJobs() {
		this.client.post().uri("/api/lab/jobs?batches=1&batch-ms=1").exchange().expectStatus().isAccepted();
		String self = this.client.get()
			.uri("/api/lab/demos")
			.exchange()
			.returnResult(byte[].class)
			.getUrl()
			.resolve("/")
			.toString();
		this.client.post()
			.uri("/api/lab/jobs?batches=1&batch-ms=1")
			.header(HttpHeaders.ORIGIN, self.substring(0, self.length() - 1))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	@ParameterizedTest
	@ValueSource(strings = { DOCUMENT, "/api/lab/demos/fan-out/compare?runs=1&warmup=0&transport=in-process", "/lab",
			"/lab/fan-out", "/nowhere" })
	void theServicesPagesRunOnlyTheirOwnScriptsAndAreFramedByNoOne(String uri) {
		HttpHeaders headers = this.client.get()
			.uri(uri)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.returnResult(byte[].class)
			.getResponseHeaders();

		if (MediaType.TEXT_HTML.isCompatibleWith(headers.getContentType())) {
			assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self';",
					"frame-ancestors 'none'");
		}
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void theApiDescriptionAndTheActuatorDoNotEchoTheHostHeader() {
		this.client.get()
			.uri("/v3/api-docs")
			.header(HttpHeaders.HOST, "evil.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.servers[0].url")
			.isEqualTo("/");
		this.client.get()
			.uri("/actuator")
			.header(HttpHeaders.HOST, "evil.example")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain("evil.example"));
	}

	@Test
	void publicHealthNamesNoPathOfTheMachine() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain("diskSpace", "\"path\"", "file:", "/work", "/tmp"));
	}

}
