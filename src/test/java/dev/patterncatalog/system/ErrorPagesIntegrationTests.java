package dev.patterncatalog.system;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors as a browser sees them: the same problem, as a page, to a client that asks for
 * HTML before JSON; every other client gets the problem+json body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ErrorPagesIntegrationTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Autowired
	WebTestClient client;

	@ParameterizedTest
	@ValueSource(strings = { "/nowhere", "/api/patterns/no-such-id", "/api/patterns?size=500", "/api/patterns?x=1",
			"/api/lab/demos/fan-out/compare?runs=0" })
	void aBrowserIsShownTheProblemThatJsonClientsAreSent(String uri) {
		JsonNode problem = this.client.get()
			.uri(uri)
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.VARY, "Accept")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		int status = problem.get("status").asInt();
		assertThat(status).isBetween(400, 499);

		String html = this.client.get()
			.uri(uri)
			.header(HttpHeaders.ACCEPT, BROWSER)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueEquals(HttpHeaders.VARY, "Accept")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader()
			.value("Content-Security-Policy", (policy) -> assertThat(policy).contains("default-src 'none'"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Document page = Jsoup.parse(html);
		assertThat(page.select("h1").text()).isEqualTo(status + " " + problem.get("title").asString());
		if (problem.has("detail")) {
			assertThat(page.select("main p").eachText()).contains(problem.get("detail").asString());
		}
		if (problem.has("parameter")) {
			assertThat(page.select("main code").eachText()).contains(problem.get("parameter").asString());
		}
		assertThat(page.select("nav.site a[href=/api/patterns]")).hasSize(1);
	}

	@Test
	void aLabPageThatDoesNotExistIsAPageToo() {
		String html = this.client.get()
			.uri("/lab/no-such-demo")
			.header(HttpHeaders.ACCEPT, BROWSER)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("404 Demo not found");
	}

	@Test
	void whatTheProblemSaysIsEscapedOnThePage() {
		String html = this.client.get()
			.uri("/api/patterns?sort={sort}", "<em>x</em><script>alert(1)</script>")
			.header(HttpHeaders.ACCEPT, BROWSER)
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Document page = Jsoup.parse(html);
		assertThat(page.select("script:not([src]), main em")).isEmpty();
		assertThat(page.select("main").text()).contains("<em>");
	}

	@Test
	void onlyAnAcceptThatRanksHtmlFirstGetsThePage() {
		assertThat(prefersHtml(BROWSER)).isTrue();
		assertThat(prefersHtml("text/html")).isTrue();
		assertThat(prefersHtml("application/json;q=0.5, text/html")).isTrue();
		assertThat(prefersHtml("text/html, application/json")).isTrue();
		assertThat(prefersHtml("application/json, text/markdown, text/html")).isFalse();
		assertThat(prefersHtml(null)).isFalse();
		assertThat(prefersHtml("*/*")).isFalse();
		assertThat(prefersHtml("text/*")).isFalse();
		assertThat(prefersHtml("application/json")).isFalse();
		assertThat(prefersHtml("text/html;q=0.5, application/problem+json")).isFalse();
		assertThat(prefersHtml("text/html;q=0")).isFalse();
		assertThat(prefersHtml("text/html;q=abc")).isFalse();
		assertThat(prefersHtml(",,,;;")).isFalse();
	}

	private static boolean prefersHtml(String accept) {
		HttpHeaders headers = new HttpHeaders();
		if (accept != null) {
			headers.set(HttpHeaders.ACCEPT, accept);
		}
		return ProblemDetailsHandler.prefersHtml(headers);
	}

}
