package dev.patterncatalog.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.patterncatalog.catalog.PatternQuery.Field;
import dev.patterncatalog.catalog.PatternQuery.Order;
import org.junit.jupiter.api.Test;

import static dev.patterncatalog.catalog.TestDocuments.document;
import static dev.patterncatalog.catalog.TestDocuments.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogSearchTests {

	private final Catalog catalog = new CatalogBuilder(Clock.systemUTC()).build(List.of(
			file("retry.md", document("retry-one", "Retry with Backoff", "resilience", List.of("retry", "backoff")),
					false),
			file("breaker.md", document("breaker-two", "Circuit Breaker", "resilience", List.of("breaker")), false),
			file("mention.md",
					document("mention-three", "Bulkhead", "resilience", List.of("isolation"))
						.replace("The problem of Bulkhead.", "Unlike a retry, a bulkhead isolates."),
					false),
			file("zip.md", document("zip-four", "Fan-Out with Zip", "concurrency", List.of("fan-out", "Retry")),
					false)),
			List.of(), null);

	@Test
	void aMatchInTheTitleOrTagsRanksAboveOneInTheBody() {
		PatternPage page = search(filter(null, null, List.of(), "retries"), Order.BY_RELEVANCE);

		assertThat(page.items()).extracting(PatternSummary::id)
			.containsExactly("retry-one", "zip-four", "mention-three");
		assertThat(page.total()).isEqualTo(3);
	}

	@Test
	void allWordsMustMatchAndPhrasesPrefixesAndExclusionsWork() {
		assertThat(ids(filter(null, null, List.of(), "retry backoff"))).containsExactly("retry-one");
		assertThat(ids(filter(null, null, List.of(), "\"circuit breaker\""))).containsExactly("breaker-two");
		assertThat(ids(filter(null, null, List.of(), "bulk*"))).containsExactly("mention-three");
		assertThat(ids(filter(null, null, List.of(), "retry -backoff"))).containsExactlyInAnyOrder("zip-four",
				"mention-three");
	}

	@Test
	void queriesThatLookLikeSyntaxErrorsStillAnswer() {
		for (String text : List.of("\"unclosed", "((", "-", "*", "a | | b", "~2", "\\", "title:retry")) {
			assertThat(search(filter(null, null, List.of(), text), Order.BY_RELEVANCE).items()).as(text).isNotNull();
		}
	}

	@Test
	void aSearchGivesUpAtItsBudgetInsideLucene() {
		PatternQuery fuzzy = new PatternQuery(filter(null, null, List.of(), "abcdefghijklmno~2 retr*"), 0, 10,
				Order.BY_RELEVANCE);

		assertThatThrownBy(() -> Catalog.within(Duration.ZERO, () -> this.catalog.search(fuzzy)))
			.isInstanceOf(SearchTooLong.class)
			.hasMessage("the search took longer than its budget of 0 ms");
		assertThat(Catalog.within(Duration.ofSeconds(10), () -> this.catalog.search(fuzzy)).items()).isEmpty();
		// outside a budget, as when the catalog is built, nothing gives up
		assertThat(ids(filter(null, null, List.of(), "retr*"))).hasSize(3);
	}

	@Test
	void filtersCombineAndIgnoreCase() {
		assertThat(ids(filter("RESILIENCE", null, List.of(), null))).containsExactly("mention-three", "breaker-two",
				"retry-one");
		assertThat(ids(filter("resilience", "ALL", List.of("retry", "BACKOFF"), null))).containsExactly("retry-one");
		assertThat(ids(filter(null, null, List.of("retry"), null))).containsExactly("zip-four", "retry-one");
		assertThat(ids(filter("concurrency", null, List.of("breaker"), null))).isEmpty();
	}

	@Test
	void sortsByTitleOrCreationDateInEitherDirectionAndPages() {
		PatternFilter all = PatternFilter.ALL;
		assertThat(search(all, new Order(Field.TITLE, true)).items()).extracting(PatternSummary::title)
			.containsExactly("Retry with Backoff", "Fan-Out with Zip", "Circuit Breaker", "Bulkhead");
		List<PatternSummary> byDate = search(all, new Order(Field.CREATED_AT, false)).items();
		assertThat(byDate).extracting(PatternSummary::createdAt).isSorted();

		PatternPage second = this.catalog.search(new PatternQuery(all, 1, 3, Order.BY_TITLE));
		assertThat(second.items()).extracting(PatternSummary::title).containsExactly("Retry with Backoff");
		assertThat(second.total()).isEqualTo(4);
		assertThat(this.catalog.search(new PatternQuery(all, 10_000, 100, Order.BY_TITLE)).items()).isEmpty();
	}

	@Test
	void facetsCountWithinTheFilter() {
		assertThat(this.catalog.facets(PatternFilter.ALL).categories())
			.containsExactly(new Facets.Count("resilience", 3), new Facets.Count("concurrency", 1));
		assertThat(this.catalog.facets(filter(null, null, List.of(), "retry")).categories())
			.containsExactly(new Facets.Count("resilience", 2), new Facets.Count("concurrency", 1));
	}

	private static PatternFilter filter(String category, String language, List<String> tags, String text) {
		return new PatternFilter(category, language, tags, text);
	}

	@Test
	void aRebuildIndexesWhatChangedAndEachVersionKeepsItsOwnViewUntilReleased() {
		CatalogBuilder builder = new CatalogBuilder(Clock.systemUTC());
		String unchanged = document("b-two", "Beta", "x", List.of("t"));
		Catalog first = builder.build(List.of(file("a.md", document("a-one", "Alpha", "x", List.of("t")), false),
				file("b.md", unchanged, false), file("c.md", document("c-three", "Delta", "x", List.of("t")), false)),
				List.of(), null);
		Catalog second = builder.build(List.of(file("a.md", document("a-one", "Gamma", "x", List.of("t")), false),
				file("b.md", unchanged, false)), List.of(), first);

		assertThat(second.find("b-two")).containsSame(first.find("b-two").orElseThrow());
		assertThat(ids(second, "gamma")).containsExactly("a-one");
		assertThat(ids(second, "alpha")).isEmpty();
		assertThat(ids(second, "delta")).isEmpty();
		assertThat(ids(second, "beta")).containsExactly("b-two");
		// the version it replaced still searches what it held
		assertThat(ids(first, "alpha")).containsExactly("a-one");
		assertThat(ids(first, "delta")).containsExactly("c-three");

		first.release();

		assertThatThrownBy(() -> ids(first, "alpha")).isInstanceOf(CatalogReplaced.class);
		assertThat(ids(second, "gamma")).containsExactly("a-one");
	}

	private static List<String> ids(Catalog catalog, String text) {
		return catalog.search(new PatternQuery(new PatternFilter(null, null, List.of(), text), 0, 100, Order.BY_TITLE))
			.items()
			.stream()
			.map(PatternSummary::id)
			.toList();
	}

	private List<String> ids(PatternFilter filter) {
		return search(filter, Order.BY_TITLE).items().stream().map(PatternSummary::id).toList();
	}

	private PatternPage search(PatternFilter filter, Order order) {
		return this.catalog.search(new PatternQuery(filter, 0, 100, order));
	}

}
