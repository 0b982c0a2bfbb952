package dev.patterncatalog.catalog.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import dev.patterncatalog.catalog.Catalog;
import dev.patterncatalog.catalog.Facets;
import dev.patterncatalog.catalog.PatternDocument;
import dev.patterncatalog.catalog.PatternFilter;
import dev.patterncatalog.catalog.PatternIds;
import dev.patterncatalog.catalog.PatternPage;
import dev.patterncatalog.catalog.PatternQuery;
import dev.patterncatalog.catalog.web.CatalogResponses.ExampleList;
import dev.patterncatalog.catalog.web.CatalogResponses.ProblemReport;
import dev.patterncatalog.catalog.web.CatalogResponses.RelatedList;
import dev.patterncatalog.system.HtmlPages;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The catalog API. Every answer is prepared bytes with an ETag and a Cache-Control header
 * ({@link PreparedAnswers}); a long answer also has a gzip-compressed copy.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalog",
		description = "Pattern documents: list, search, facets, and each document as JSON, Markdown or HTML."
				+ " Answers of 1 KB or more come gzip-compressed when Accept-Encoding allows it.")
class PatternController {

	private static final String ID = "Pattern id: lowercase words of letters and digits joined by '-'";

	private final CatalogViews views;

	private final CatalogSearches searches;

	private final PreparedAnswers answers;

	private final CatalogIndexHtml index;

	PatternController(CatalogViews views, CatalogSearches searches, PreparedAnswers answers, CatalogIndexHtml index) {
		this.views = views;
		this.searches = searches;
		this.answers = answers;
		this.index = index;
	}

	@GetMapping("/patterns")
	@Operation(operationId = "listPatterns", summary = "List and search patterns",
			description = "Filters combine: every one given must match. With `q`, results are ranked by relevance"
					+ " (a match in the title or tags weighs more than one in the body) unless `sort` says otherwise.")
	@ApiResponse(responseCode = "200", description = "A page of pattern summaries",
			content = @Content(schema = @Schema(implementation = PatternPage.class)))
	@SearchRefusals
	Mono<ResponseEntity<ByteBuffer>> listPatterns(@ParameterObject @Valid FilterParameters filter,
			@ParameterObject @Valid PageParameters page, ServerWebExchange exchange) {
		PatternFilter patterns = filter.filter();
		PatternQuery query = new PatternQuery(patterns, page.page(), page.size(), page.order(patterns));
		PreparedCatalog catalog = this.views.current();
		return lookedUp(catalog.cachedSearch(query), patterns, () -> catalog.search(query), exchange);
	}

	// the listing for a browser: the catalog's index page, answered as the listing is
	@Hidden
	@GetMapping(path = "/patterns", produces = MediaType.TEXT_HTML_VALUE)
	@SearchRefusals
	Mono<ResponseEntity<ByteBuffer>> listPatternsPage(@Valid FilterParameters filter, @Valid PageParameters page,
			ServerWebExchange exchange) {
		PatternFilter patterns = filter.filter();
		PatternQuery query = new PatternQuery(patterns, page.page(), page.size(), page.order(patterns));
		Catalog catalog = this.views.current().catalog();
		return lookedUp(null, patterns,
				() -> Prepared.onHeap(this.index.render(catalog.search(query), catalog.facets(patterns), filter, page)
					.getBytes(StandardCharsets.UTF_8), HtmlPages.MEDIA_TYPE),
				exchange);
	}

	@GetMapping("/patterns/{id}")
	@Operation(operationId = "getPattern", summary = "Get a pattern document",
			description = "Content negotiation by `Accept`: `application/json` (default) gives the structured"
					+ " document, `text/markdown` the original file, `text/html` a rendered page.")
	@ApiResponse(responseCode = "200", description = "The document",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = PatternDocument.Json.class)),
					@Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
					@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")) })
	ResponseEntity<ByteBuffer> getPattern(
			@Parameter(description = ID, example = "gen-pattern-003", schema = @Schema(pattern = PatternIds.FORM_REGEX,
					maxLength = PatternIds.MAX_LENGTH)) @PathVariable String id,
			ServerWebExchange exchange) {
		return this.answers.answer(this.views.pattern(id).json, exchange);
	}

	// the same operation in the other representations, chosen by Spring from Accept
	@Hidden
	@GetMapping(path = "/patterns/{id}", produces = "text/markdown")
	ResponseEntity<ByteBuffer> getPatternMarkdown(@PathVariable String id, ServerWebExchange exchange) {
		return this.answers.answer(this.views.pattern(id).markdown, exchange);
	}

	@Hidden
	@GetMapping(path = "/patterns/{id}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<ByteBuffer> getPatternHtml(@PathVariable String id, ServerWebExchange exchange) {
		return this.answers.answer(this.views.pattern(id).html, exchange);
	}

	@GetMapping("/patterns/{id}/related")
	@Operation(operationId = "relatedPatterns", summary = "Related patterns",
			description = "The document's related links resolved to summaries; a link to an id the catalog lacks"
					+ " is kept and marked `missing`.")
	@ApiResponse(responseCode = "200", description = "The related patterns",
			content = @Content(schema = @Schema(implementation = RelatedList.class)))
	ResponseEntity<ByteBuffer> relatedPatterns(
			@Parameter(description = ID, example = "gen-pattern-003", schema = @Schema(pattern = PatternIds.FORM_REGEX,
					maxLength = PatternIds.MAX_LENGTH)) @PathVariable String id,
			ServerWebExchange exchange) {
		return this.answers.answer(this.views.pattern(id).related, exchange);
	}

	@GetMapping("/patterns/{id}/examples")
	@Operation(operationId = "codeExamples", summary = "Code examples of a pattern",
			description = "Every code example of the document's solutions, or those of one language.")
	@ApiResponse(responseCode = "200", description = "The examples",
			content = @Content(schema = @Schema(implementation = ExampleList.class)))
	ResponseEntity<ByteBuffer> codeExamples(
			@Parameter(description = ID, example = "gen-pattern-003",
					schema = @Schema(pattern = PatternIds.FORM_REGEX,
							maxLength = PatternIds.MAX_LENGTH)) @PathVariable String id,
			@ParameterObject @Valid ExampleParameters examples, ServerWebExchange exchange) {
		return this.answers.answer(this.views.pattern(id).examples(examples.language()), exchange);
	}

	@GetMapping("/facets")
	@Operation(operationId = "facets", summary = "Facet counts",
			description = "How many patterns carry each category, language and tag, most frequent first. Takes the"
					+ " same filters as the listing, to count within a selection.")
	@ApiResponse(responseCode = "200", description = "The counts",
			content = @Content(schema = @Schema(implementation = Facets.class)))
	@SearchRefusals
	Mono<ResponseEntity<ByteBuffer>> facets(@ParameterObject @Valid FilterParameters filter,
			ServerWebExchange exchange) {
		PatternFilter patterns = filter.filter();
		PreparedCatalog catalog = this.views.current();
		return lookedUp(catalog.cachedFacets(patterns), patterns, () -> catalog.facets(patterns), exchange);
	}

	@GetMapping("/catalog/problems")
	@Operation(operationId = "catalogProblems", summary = "Catalog load problems",
			description = "What was wrong in the catalog files when this version was loaded: malformed front matter,"
					+ " missing or invalid fields, duplicate ids, unreadable files, related links that lead nowhere.")
	@ApiResponse(responseCode = "200", description = "The problems, with the catalog version",
			content = @Content(schema = @Schema(implementation = ProblemReport.class)))
	ResponseEntity<ByteBuffer> catalogProblems(ServerWebExchange exchange) {
		return this.answers.answer(this.views.current().problems(), exchange);
	}

	/**
	 * The answer of {@code filter}: the cached one, or made here when it needs no
	 * full-text search (a filter over documents in memory costs no more than a document
	 * read), or else made off the event loop, within the search limits.
	 */
	private Mono<ResponseEntity<ByteBuffer>> lookedUp(@Nullable Prepared cached, PatternFilter filter,
			Supplier<Prepared> make, ServerWebExchange exchange) {
		if (cached != null || filter.text() == null) {
			return Mono.just(this.answers.answer((cached != null) ? cached : make.get(), exchange));
		}
		return this.searches.run(make).map((body) -> this.answers.answer(body, exchange));
	}

}
