package dev.patterncatalog.catalog.web;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing as a browser gets it: the catalog's index page, which shows what the JSON
 * listing answers for the same query, its filters with the facet counts, and the pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CatalogIndexPageIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void theIndexListsWhatTheListingAnswersForTheSameQuery() {
		for (String query : List.of("", "?category=resilience", "?q=retry", "?tag=timeout&language=all",
				"?size=5&page=1&sort=-created_at")) {
			JsonNode listing = listing(query);
			Document page = page(query);
			List<String> ids = new ArrayList<>();
			listing.get("items").forEach((item) -> ids.add("/api/patterns/" + item.get("id").asString()));
			assertThat(page.select("#patterns li > a")).as(query)
				.extracting((link) -> link.attr("href"))
				.containsExactlyElementsOf(ids);
			assertThat(page.select("#summary").text()).as(query).isEqualTo(listing.get("total").asLong() + " patterns");
		}
	}

	@Test
	void theFiltersShowTheFacetCountsWithinTheSelectionAndKeepTheChoice() {
		Document page = page("?category=resilience");
		JsonNode facets = json("/api/facets?category=resilience");
		List<String> tags = new ArrayList<>();
		facets.get("tags").forEach((tag) -> tags.add(tag.get("value").asString() + " (" + tag.get("count") + ")"));
		assertThat(page.select("#tag option:not([value=''])")).extracting(Element::text)
			.containsExactlyElementsOf(tags);
		assertThat(page.select("#category option[selected]")).extracting(Element::val).containsExactly("resilience");
	}

	@Test
	void aSearchFromThePageKeepsWhatItsFormDoesNotShow() {
		Document page = page("?sort=-created_at&size=5&tag=retry&tag=resilience");
		assertThat(page.select("form input[type=hidden]")).extracting((input) -> input.attr("name") + "=" + input.val())
			.containsExactly("sort=-created_at", "size=5", "tag=resilience");
		assertThat(page.select("#tag option[selected]")).extracting(Element::val).containsExactly("retry");
		assertThat(page("?q=retry").select("form input[type=hidden]")).isEmpty();
	}

	@Test
	void thePageLinksLeadToThePagesBeforeAndAfter() {
		Document first = page("?size=5");
		assertThat(first.select("a[rel=prev]")).isEmpty();
		assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/api/patterns?size=5&page=1");
		Document second = page("?size=5&page=1");
		assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/api/patterns?size=5&page=0");
	}

	@Test
	void thePageIsAnsweredAsTheListingIsConditionallyAndBadParametersAreStillRefused() {
		String tag = this.client.get()
			.uri("/api/patterns?q=retry")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.VARY, (vary) -> assertThat(vary).startsWith(HttpHeaders.ACCEPT))
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60, public")
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		assertThat(tag).isNotNull();
		this.client.get()
			.uri("/api/patterns?q=retry")
			.accept(MediaType.TEXT_HTML)
			.ifNoneMatch(tag)
			.exchange()
			.expectStatus()
			.isNotModified();
		this.client.get()
			.uri("/api/patterns?q=retry")
			.accept(MediaType.TEXT_HTML)
			.header(HttpHeaders.IF_MATCH, "\"another\"")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PRECONDITION_FAILED);
		String refusal = this.client.get()
			.uri("/api/patterns?size=500")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(Jsoup.parse(refusal).select("main code").eachText()).contains("size");
	}

	private JsonNode listing(String query) {
		return json("/api/patterns" + query);
	}

	private JsonNode json(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private Document page(String query) {
		String html = this.client.get()
			.uri("/api/patterns" + query)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return Jsoup.parse(html);
	}

}
