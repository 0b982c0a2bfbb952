package dev.patterncatalog.catalog.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.patterncatalog.catalog.Catalog;
import dev.patterncatalog.catalog.PatternDocument;
import dev.patterncatalog.catalog.PatternFilter;
import dev.patterncatalog.catalog.PatternQuery;
import dev.patterncatalog.catalog.web.CatalogResponses.Example;
import dev.patterncatalog.catalog.web.CatalogResponses.ExampleList;
import dev.patterncatalog.catalog.web.CatalogResponses.ProblemReport;
import dev.patterncatalog.catalog.web.CatalogResponses.RelatedList;
import dev.patterncatalog.system.HtmlPages;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Every response of one catalog version that does not depend on request parameters,
 * rendered once when the version is built, so that serving it is a lookup.
 */
final class PreparedCatalog {

	static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	static final MediaType HTML = HtmlPages.MEDIA_TYPE;

	private final Catalog catalog;

	private final JsonMapper json;

	/**
	 * About how many bytes a document's prepared answers take per byte of its deflated
	 * text (six per byte of text, which deflates to about a third).
	 */
	private static final int PREPARED_PER_DEFLATED_BYTE = 18;

	private final Set<String> ids;

	/**
	 * The documents' representations, made on first request (or, for a catalog that fits,
	 * when the version is built) and kept while they fit.
	 */
	private final LoadingCache<String, Pattern> patterns;

	private final Prepared facets;

	private final Prepared problems;

	private final PatternHtml pages;

	/**
	 * Listings, searches and filtered facets of this version, rendered on first request:
	 * the same query always gets the same bytes until the catalog changes, and repeating
	 * it is a lookup. Bounded by bytes, since requests choose the keys and the answers'
	 * sizes.
	 */
	private final Cache<Object, Prepared> queries;

	PreparedCatalog(Catalog catalog, JsonMapper json, PreparedLimits limits, PatternHtml pages) {
		this.catalog = catalog;
		this.json = json;
		this.pages = pages;
		// evicting on the caller's thread: no pool of the JVM's own gets the work
		this.queries = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumWeight(limits.queries().toBytes())
			.<Object, Prepared>weigher((key, answer) -> answer.weight())
			.build();
		this.ids = catalog.documents().stream().map(PatternDocument::id).collect(Collectors.toCollection(TreeSet::new));
		this.patterns = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumWeight(limits.documents().toBytes())
			.<String, Pattern>weigher((id, pattern) -> pattern.weight())
			.build((id) -> catalog.find(id).map(Pattern::new).orElse(null));
		// a catalog that fits is prepared whole now, off the request path; a larger one
		// document by document as they are asked for
		long deflated = catalog.documents().stream().mapToLong((document) -> document.deflated().length).sum();
		if (deflated * PREPARED_PER_DEFLATED_BYTE < limits.documents().toBytes() / 2) {
			catalog.documents().forEach((document) -> this.patterns.get(document.id()));
		}
		this.facets = kept(catalog.facets(PatternFilter.ALL));
		this.problems = kept(new ProblemReport(catalog.version(), catalog.loadedAt(), catalog.documents().size(),
				catalog.problems()));
	}

	Catalog catalog() {
		return this.catalog;
	}

	Optional<Pattern> pattern(String id) {
		return Optional.ofNullable(this.patterns.get(id));
	}

	Prepared problems() {
		return this.problems;
	}

	/**
	 * A page of the listing, from the cache of this version if it is there.
	 */
	@Nullable Prepared cachedSearch(PatternQuery query) {
		return this.queries.getIfPresent(query);
	}

	/**
	 * A page of the listing, from the cache of this version or made and kept. Blocks
	 * while it searches.
	 */
	Prepared search(PatternQuery query) {
		return this.queries.get(query, (key) -> json(this.catalog.search(query)));
	}

	/**
	 * Facet counts within a filter, from the cache of this version if it is there.
	 */
	@Nullable Prepared cachedFacets(PatternFilter filter) {
		return filter.equals(PatternFilter.ALL) ? this.facets : this.queries.getIfPresent(filter);
	}

	/**
	 * Facet counts within a filter, from the cache of this version or made and kept.
	 * Blocks while it searches.
	 */
	Prepared facets(PatternFilter filter) {
		return filter.equals(PatternFilter.ALL) ? this.facets
				: this.queries.get(filter, (key) -> json(this.catalog.facets(filter)));
	}

	/**
	 * A JSON answer made on request.
	 */
	private Prepared json(Object value) {
		return Prepared.onHeap(this.json.writeValueAsBytes(value), MediaType.APPLICATION_JSON);
	}

	/**
	 * A JSON answer made when this version is built, and kept as long as it.
	 */
	private Prepared kept(Object value) {
		return Prepared.offHeap(this.json.writeValueAsBytes(value), MediaType.APPLICATION_JSON);
	}

	/**
	 * The representations of one document.
	 */
	final class Pattern {

		private final PatternDocument document;

		final Prepared json;

		final Prepared markdown;

		final Prepared html;

		final Prepared related;

		private final Map<String, Prepared> examplesByLanguage = new LinkedHashMap<>();

		Pattern(PatternDocument document) {
			this.document = document;
			// parsed from the text once for all of this document's answers
			PatternDocument.Json parsed = document.json();
			this.json = kept(parsed);
			this.markdown = Prepared.offHeap(document.utf8(), MARKDOWN);
			this.html = Prepared.offHeap(PreparedCatalog.this.pages.render(document, PreparedCatalog.this.ids), HTML);
			this.related = kept(new RelatedList(document.id(), PreparedCatalog.this.catalog.related(document)));
			this.examplesByLanguage.put("", kept(exampleList(null, parsed.solutions())));
			for (PatternDocument.Solution solution : parsed.solutions()) {
				for (PatternDocument.CodeExample example : solution.examples()) {
					this.examplesByLanguage.computeIfAbsent(example.language(),
							(language) -> kept(exampleList(language, parsed.solutions())));
				}
			}
		}

		/**
		 * The bytes this document's answers hold.
		 */
		int weight() {
			return this.json.weight() + this.markdown.weight() + this.html.weight() + this.related.weight()
					+ this.examplesByLanguage.values().stream().mapToInt(Prepared::weight).sum();
		}

		/**
		 * The code examples of this document, all of them or those of one language
		 * (ignoring case).
		 */
		Prepared examples(@Nullable String language) {
			String key = (language != null) ? language.toLowerCase(Locale.ROOT) : "";
			Prepared prepared = this.examplesByLanguage.get(key);
			return (prepared != null) ? prepared : json(exampleList(language, this.document.content().solutions()));
		}

		private ExampleList exampleList(@Nullable String language, List<PatternDocument.Solution> solutions) {
			List<Example> examples = new ArrayList<>();
			for (PatternDocument.Solution solution : solutions) {
				for (PatternDocument.CodeExample example : solution.examples()) {
					if (language == null || example.language().equalsIgnoreCase(language)) {
						examples.add(new Example(solution.name(), example.language(), example.label(), example.code()));
					}
				}
			}
			return new ExampleList(this.document.id(), language, examples);
		}

	}

}
