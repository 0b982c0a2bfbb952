package dev.patterncatalog.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.patterncatalog.catalog.Facets;
import dev.patterncatalog.catalog.PatternPage;
import dev.patterncatalog.catalog.PatternSummary;
import dev.patterncatalog.system.HtmlPages;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Renders a listing as the catalog's index page ({@code catalog-index.mustache}): a
 * search form whose filters show their facet counts within the selection, the page of
 * patterns, and links to the pages before and after. Its script ({@code /js/catalog.js})
 * searches as the reader types, from the same JSON endpoints.
 */
@Component
final class CatalogIndexHtml {

	private final HtmlPages pages;

	CatalogIndexHtml(HtmlPages pages) {
		this.pages = pages;
	}

	String render(PatternPage page, Facets facets, FilterParameters filter, PageParameters paging) {
		int pages = (int) Math.max(1, (page.total() + page.size() - 1) / page.size());
		String tag = filter.tag().isEmpty() ? null : filter.tag().get(0);
		return this.pages.render("catalog-index",
				new Index("Pattern Catalog", Objects.toString(filter.q(), ""),
						options(facets.categories(), filter.category()), options(facets.languages(), filter.language()),
						options(facets.tags(), tag), kept(filter, paging), page.total(),
						page.items().stream().map(Item::of).toList(), page.page() + 1, pages,
						(page.page() > 0) ? List.of(link(filter, paging, page.page() - 1)) : List.of(),
						(page.page() + 1 < pages) ? List.of(link(filter, paging, page.page() + 1)) : List.of()));
	}

	/**
	 * A facet's values as a select's options, the chosen one kept if the counts lack it.
	 */
	private static List<Option> options(List<Facets.Count> counts, @Nullable String chosen) {
		List<Option> options = new ArrayList<>(counts.stream()
			.map((count) -> new Option(count.value(), count.count(), count.value().equals(chosen)))
			.toList());
		if (chosen != null && options.stream().noneMatch(Option::selected)) {
			options.add(0, new Option(chosen, 0, true));
		}
		return options;
	}

	/**
	 * What the form does not show but a search keeps: the order, a page size other than
	 * the default, and the tags after the first.
	 */
	private static List<Kept> kept(FilterParameters filter, PageParameters paging) {
		List<Kept> kept = new ArrayList<>();
		if (paging.sort() != null) {
			kept.add(new Kept("sort", paging.sort()));
		}
		if (paging.size() != PageParameters.DEFAULT_SIZE) {
			kept.add(new Kept("size", Integer.toString(paging.size())));
		}
		filter.tag().stream().skip(1).forEach((tag) -> kept.add(new Kept("tag", tag)));
		return kept;
	}

	private static String link(FilterParameters filter, PageParameters paging, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/patterns");
		if (filter.q() != null) {
			uri.queryParam("q", filter.q());
		}
		if (filter.category() != null) {
			uri.queryParam("category", filter.category());
		}
		if (filter.language() != null) {
			uri.queryParam("language", filter.language());
		}
		filter.tag().forEach((tag) -> uri.queryParam("tag", tag));
		if (paging.sort() != null) {
			uri.queryParam("sort", paging.sort());
		}
		return uri.queryParam("size", paging.size()).queryParam("page", page).encode().toUriString();
	}

	record Index(String title, String q, List<Option> categories, List<Option> languages, List<Option> tags,
			List<Kept> kept, long total, List<Item> items, int pageNumber, int pages, List<String> previous,
			List<String> next) {
	}

	record Option(String value, long count, boolean selected) {
	}

	record Kept(String name, String value) {
	}

	record Item(String id, String title, String category, String language, String tags) {

		static Item of(PatternSummary summary) {
			return new Item(summary.id(), summary.title(), summary.category(), summary.language(),
					String.join(", ", summary.tags()));
		}

	}

}
