package dev.patterncatalog.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.patterncatalog.catalog.PatternQuery.Order;

/**
 * One immutable version of the catalog: its documents, the problems found while loading
 * them, and a search index. A new version replaces the old one as a whole, so a reader
 * never sees a half-loaded catalog.
 */
public final class Catalog {

	private final Map<String, PatternDocument> byId;

	private final Map<String, PatternDocument> byOrigin;

	private final List<CatalogProblem> problems;

	private final String version;

	private final Instant loadedAt;

	private final SearchIndex index;

	Catalog(Collection<PatternDocument> documents, List<CatalogProblem> problems, String version, Instant loadedAt,
			SearchIndex index) {
		this.byId = documents.stream()
			.sorted(Comparator.comparing(PatternDocument::id))
			.collect(Collectors.toMap(PatternDocument::id, Function.identity(), (a, b) -> a,
					java.util.LinkedHashMap::new));
		this.byOrigin = documents.stream().collect(Collectors.toMap(PatternDocument::origin, Function.identity()));
		this.problems = List.copyOf(problems);
		this.version = version;
		this.loadedAt = loadedAt;
		this.index = index;
	}

	/**
	 * The documents, ordered by id.
	 */
	public Collection<PatternDocument> documents() {
		return this.byId.values();
	}

	public Optional<PatternDocument> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	Optional<PatternDocument> loadedFrom(String origin) {
		return Optional.ofNullable(this.byOrigin.get(origin));
	}

	public List<CatalogProblem> problems() {
		return this.problems;
	}

	/**
	 * A digest of everything this version serves; it changes when any document or problem
	 * changes.
	 */
	public String version() {
		return this.version;
	}

	public Instant loadedAt() {
		return this.loadedAt;
	}

	/**
	 * Gives up this version's view of the search index, once it is no longer served.
	 */
	void release() {
		this.index.release();
	}

	/**
	 * A page of the documents matching a query.
	 * @throws SearchTooLong if its full-text search ran past the budget given to
	 * {@link #within}
	 */
	public PatternPage search(PatternQuery query) {
		Map<String, Float> scores = scores(query.filter());
		Comparator<PatternDocument> byTitle = Comparator
			.comparing((PatternDocument d) -> d.title().toLowerCase(Locale.ROOT))
			.thenComparing(PatternDocument::id);
		Order order = query.order();
		Comparator<PatternDocument> comparator = switch (order.field()) {
			case TITLE -> byTitle;
			case CREATED_AT -> Comparator.comparing(PatternDocument::createdAt).thenComparing(byTitle);
			// best first unless reversed: a higher score is "smaller"
			case RELEVANCE ->
				Comparator.comparing((PatternDocument d) -> -scores.getOrDefault(d.id(), 0f)).thenComparing(byTitle);
		};
		List<PatternDocument> matches = matching(query.filter(), scores)
			.sorted(order.descending() ? comparator.reversed() : comparator)
			.toList();
		List<PatternSummary> items = matches.stream()
			.skip((long) query.page() * query.size())
			.limit(query.size())
			.map(PatternDocument::toSummary)
			.toList();
		return new PatternPage(items, query.page(), query.size(), matches.size());
	}

	/**
	 * Runs {@code search}, whose full-text searches on this thread give up once
	 * {@code budget} has passed.
	 * @throws SearchTooLong if they did
	 */
	public static <T> T within(Duration budget, Supplier<T> search) {
		return SearchIndex.within(budget, search);
	}

	public Facets facets(PatternFilter filter) {
		return Facets.of(matching(filter, scores(filter)).toList());
	}

	public List<RelatedPattern> related(PatternDocument document) {
		return document.related().stream().map((link) -> {
			PatternDocument target = this.byId.get(link.id());
			return new RelatedPattern(link.id(), link.label(), target == null,
					(target != null) ? target.toSummary() : null);
		}).toList();
	}

	private Map<String, Float> scores(PatternFilter filter) {
		return (filter.text() != null) ? this.index.search(filter.text()) : Map.of();
	}

	private java.util.stream.Stream<PatternDocument> matching(PatternFilter filter, Map<String, Float> scores) {
		return documents().stream()
			.filter((d) -> filter.text() == null || scores.containsKey(d.id()))
			.filter(filter::matches);
	}

}
