package dev.patterncatalog.lab.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comparison as a browser asks for it, and as API clients still get it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class ComparisonPageIntegrationTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final String COMPARISON = "/api/lab/demos/fan-out/compare?runs=10&concurrency=10&seed=1";

	@Autowired
	WebTestClient client;

	@Test
	void aBrowserGetsAPageOfTheMeasuredComparison() {
		String page = this.client.get()
			.uri(COMPARISON + "&transport=in-process")
			.header("Accept", BROWSER_ACCEPT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/html;charset=UTF-8")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains("<h1>fan-out: Sequential calls against Mono.zip</h1>",
				"10 runs of each variant after 10 discarded warm-up runs, at most 10 at once, in turns of\n10 runs;"
						+ " backends in process, seed 1",
				"<div class=\"verdict ", "<a href=\"/api/patterns/gen-pattern-004\">The pattern</a>",
				"<tr><td>sequential</td><td>10</td><td>0</td>", "<tr><td>parallel</td><td>10</td><td>0</td>",
				"<li>parallel: 0.", "at p50");
		// the sequential variant's 99th percentile is the scale's end: the longest bar
		assertThat(page)
			.containsPattern("<span>sequential</span><div class=\"track\"><div class=\"p99\" style=\"width: 100.0%\">")
			.containsPattern(
					"<span>parallel</span><div class=\"track\"><div class=\"p99\" style=\"width: [3-5][0-9]\\.[0-9]%\">");
	}

	@Test
	void thePageLinksToTheSameComparisonWithTheSeedItDrew() {
		String page = page("/api/lab/demos/fan-out/compare?runs=2&warmup=0&transport=in-process&seed=");
		Matcher seed = Pattern.compile("seed (-?[0-9]+); measured").matcher(page);
		assertThat(seed.find()).as("the seed on the page").isTrue();
		Document links = Jsoup.parse(page);
		String again = links.select("a:contains(Run it again with the same seed)").attr("href");
		assertThat(again)
			.isEqualTo("/api/lab/demos/fan-out/compare?runs=2&warmup=0&transport=in-process&seed=" + seed.group(1));
		assertThat(links.select("a:contains(change the parameters)").attr("href")).isEqualTo("/lab/fan-out");

		assertThat(page(again)).contains("seed " + seed.group(1) + "; measured");
	}

	private String page(String uri) {
		return this.client.get()
			.uri(uri)
			.header("Accept", BROWSER_ACCEPT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void clientsThatAskForAnythingStillGetJson() {
		for (MediaType accept : new MediaType[] { MediaType.ALL, MediaType.APPLICATION_JSON }) {
			this.client.get()
				.uri(COMPARISON + "&transport=in-process")
				.accept(accept)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType(MediaType.APPLICATION_JSON)
				.expectBody()
				.jsonPath("$.variants[1].variant")
				.isEqualTo("parallel");
		}
	}

}
