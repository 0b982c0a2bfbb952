package dev.patterncatalog.catalog.web;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.patterncatalog.catalog.CatalogProperties;
import dev.patterncatalog.catalog.Facets;
import dev.patterncatalog.catalog.PatternDocument;
import dev.patterncatalog.catalog.PatternFilter;
import dev.patterncatalog.catalog.PatternIds;
import dev.patterncatalog.catalog.PatternPage;
import dev.patterncatalog.catalog.PatternQuery;
import dev.patterncatalog.catalog.web.CatalogResponses.ExampleList;
import dev.patterncatalog.catalog.web.CatalogResponses.ProblemReport;
import dev.patterncatalog.catalog.web.CatalogResponses.RelatedList;
import dev.patterncatalog.system.InvalidParameter;
import dev.patterncatalog.system.QueryParameters;
import dev.patterncatalog.system.Representations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The catalog API's handlers, routed by {@link CatalogRoutes}. Every answer is prepared
 * bytes with an ETag and a Cache-Control header, and a matching {@code If-None-Match}
 * gets 304 Not Modified; a long answer also has a gzip-compressed copy.
 */
@Component
@Tag(name = "Catalog",
		description = "Pattern documents: list, search, facets, and each document as JSON, Markdown or HTML."
				+ " Answers of 1 KB or more come gzip-compressed when Accept-Encoding allows it.")
class PatternHandler {

	private static final List<MediaType> DOCUMENT_TYPES = List.of(MediaType.APPLICATION_JSON, PreparedCatalog.MARKDOWN,
			PreparedCatalog.HTML);

	private static final String ID_DESCRIPTION = "Pattern id: lowercase words of letters and digits joined by '-'";

	private final CatalogViews views;

	private final CatalogSearches searches;

	private final String cacheControl;

	PatternHandler(CatalogViews views, CatalogSearches searches, CatalogProperties properties) {
		this.views = views;
		this.searches = searches;
		this.cacheControl = CacheControl.maxAge(properties.cacheMaxAge()).cachePublic().getHeaderValue();
	}

	@Operation(operationId = "listPatterns", summary = "List and search patterns",
			description = "Filters combine: every one given must match. With `q`, results are ranked by relevance"
					+ " (a match in the title or tags weighs more than one in the body) unless `sort` says otherwise.",
			parameters = {
					@Parameter(in = ParameterIn.QUERY, name = "category", description = "Only this category",
							example = "resilience", schema = @Schema(type = "string", maxLength = 64)),
					@Parameter(in = ParameterIn.QUERY, name = "language", description = "Only this language",
							example = "all", schema = @Schema(type = "string", maxLength = 64)),
					@Parameter(in = ParameterIn.QUERY, name = "tag",
							description = "Only patterns with this tag; repeat it (up to 10 times) to require several",
							array = @ArraySchema(schema = @Schema(type = "string", example = "timeout"))),
					@Parameter(in = ParameterIn.QUERY, name = "q",
							description = "Full-text query (at most 200 characters): words must all match;"
									+ " \"a phrase\", prefix*, -excluded and a | b are understood",
							example = "timeout", schema = @Schema(type = "string", maxLength = 200)),
					@Parameter(in = ParameterIn.QUERY, name = "page", description = "Page, from 0 (at most 10000)",
							schema = @Schema(type = "integer", defaultValue = "0", minimum = "0", maximum = "10000")),
					@Parameter(in = ParameterIn.QUERY, name = "size", description = "Patterns per page",
							schema = @Schema(type = "integer", defaultValue = "20", minimum = "1", maximum = "100")),
					@Parameter(in = ParameterIn.QUERY, name = "sort",
							description = "Order: title, created_at or relevance (needs q); prefix '-' to reverse."
									+ " Default: relevance with q, title without",
							schema = @Schema(type = "string",
									allowableValues = { "title", "-title", "created_at", "-created_at", "relevance",
											"-relevance" })) })
	@ApiResponse(responseCode = "200", description = "A page of pattern summaries",
			content = @Content(schema = @Schema(implementation = PatternPage.class)))
	@SearchRefusals
	Mono<ServerResponse> list(ServerRequest request) {
		PatternQuery query = PatternParameters.query(request.queryParams());
		PreparedCatalog catalog = this.views.current();
		Prepared cached = catalog.cachedSearch(query);
		if (cached != null || query.filter().text() == null) {
			// a lookup, or a filter over documents in memory: no worse than a document
			// read
			return respond(request, (cached != null) ? cached : catalog.search(query));
		}
		return searched(request, () -> catalog.search(query));
	}

	@Operation(operationId = "getPattern", summary = "Get a pattern document",
			description = "Content negotiation by `Accept`: `application/json` (default) gives the structured"
					+ " document, `text/markdown` the original file, `text/html` a rendered page.",
			parameters = @Parameter(in = ParameterIn.PATH, name = "id", description = ID_DESCRIPTION,
					example = "gen-pattern-003",
					schema = @Schema(type = "string", pattern = PatternIds.FORM_REGEX,
							maxLength = PatternIds.MAX_LENGTH)))
	@ApiResponse(responseCode = "200", description = "The document",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = PatternDocument.Json.class)),
					@Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
					@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")) })
	Mono<ServerResponse> pattern(ServerRequest request) {
		QueryParameters.of(request.queryParams(), Set.of());
		PreparedCatalog.Pattern pattern = find(request);
		MediaType chosen = Representations.negotiate(request, DOCUMENT_TYPES);
		Prepared body = chosen.equals(PreparedCatalog.MARKDOWN) ? pattern.markdown
				: chosen.equals(PreparedCatalog.HTML) ? pattern.html : pattern.json;
		return Mono.just(new PreparedResponse(body, this.cacheControl));
	}

	@Operation(operationId = "relatedPatterns", summary = "Related patterns",
			description = "The document's related links resolved to summaries; a link to an id the catalog lacks"
					+ " is kept and marked `missing`.",
			parameters = @Parameter(in = ParameterIn.PATH, name = "id", description = ID_DESCRIPTION,
					example = "gen-pattern-003",
					schema = @Schema(type = "string", pattern = PatternIds.FORM_REGEX,
							maxLength = PatternIds.MAX_LENGTH)))
	@ApiResponse(responseCode = "200", description = "The related patterns",
			content = @Content(schema = @Schema(implementation = RelatedList.class)))
	Mono<ServerResponse> related(ServerRequest request) {
		QueryParameters.of(request.queryParams(), Set.of());
		return respond(request, find(request).related);
	}

	@Operation(operationId = "codeExamples", summary = "Code examples of a pattern",
			description = "Every code example of the document's solutions, or those of one language.",
			parameters = {
					@Parameter(in = ParameterIn.PATH, name = "id", description = ID_DESCRIPTION,
							example = "gen-pattern-003",
							schema = @Schema(type = "string", pattern = PatternIds.FORM_REGEX,
									maxLength = PatternIds.MAX_LENGTH)),
					@Parameter(in = ParameterIn.QUERY, name = "language",
							description = "Only examples in this language (the code fence's language, ignoring case)",
							example = "python", schema = @Schema(type = "string", maxLength = 64)) })
	@ApiResponse(responseCode = "200", description = "The examples",
			content = @Content(schema = @Schema(implementation = ExampleList.class)))
	Mono<ServerResponse> examples(ServerRequest request) {
		QueryParameters parameters = QueryParameters.of(request.queryParams(), Set.of("language"));
		String language = parameters.text("language", PatternParameters.MAX_VALUE_LENGTH);
		return respond(request, find(request).examples(language));
	}

	@Operation(operationId = "facets", summary = "Facet counts",
			description = "How many patterns carry each category, language and tag, most frequent first. Takes the"
					+ " same filters as the listing, to count within a selection.",
			parameters = {
					@Parameter(in = ParameterIn.QUERY, name = "category", description = "Only this category",
							schema = @Schema(type = "string", maxLength = 64)),
					@Parameter(in = ParameterIn.QUERY, name = "language", description = "Only this language",
							schema = @Schema(type = "string", maxLength = 64)),
					@Parameter(in = ParameterIn.QUERY, name = "tag", description = "Only patterns with this tag",
							array = @ArraySchema(schema = @Schema(type = "string"))),
					@Parameter(in = ParameterIn.QUERY, name = "q",
							description = "Only patterns matching this full-text query",
							schema = @Schema(type = "string", maxLength = 200)) })
	@ApiResponse(responseCode = "200", description = "The counts",
			content = @Content(schema = @Schema(implementation = Facets.class)))
	@SearchRefusals
	Mono<ServerResponse> facets(ServerRequest request) {
		PatternFilter filter = PatternParameters.filter(request.queryParams());
		PreparedCatalog catalog = this.views.current();
		Prepared cached = catalog.cachedFacets(filter);
		if (cached != null || filter.text() == null) {
			return respond(request, (cached != null) ? cached : catalog.facets(filter));
		}
		return searched(request, () -> catalog.facets(filter));
	}

	@Operation(operationId = "catalogProblems", summary = "Catalog load problems",
			description = "What was wrong in the catalog files when this version was loaded: malformed front matter,"
					+ " missing or invalid fields, duplicate ids, unreadable files, related links that lead nowhere.")
	@ApiResponse(responseCode = "200", description = "The problems, with the catalog version",
			content = @Content(schema = @Schema(implementation = ProblemReport.class)))
	Mono<ServerResponse> problems(ServerRequest request) {
		QueryParameters.of(request.queryParams(), Set.of());
		return respond(request, this.views.current().problems());
	}

	private PreparedCatalog.Pattern find(ServerRequest request) {
		String id = request.pathVariable("id");
		// the catalog took only well-formed ids, so only a miss needs its form checked:
		// 400 for nonsense, else 404
		return this.views.current()
			.pattern(id)
			.orElseThrow(() -> PatternIds.isValid(id) ? new PatternNotFound(id)
					: new InvalidParameter("id", "'" + id
							+ "' is not a pattern id: ids are lowercase words of letters and digits joined by '-',"
							+ " at most " + PatternIds.MAX_LENGTH + " characters."));
	}

	private Mono<ServerResponse> respond(ServerRequest request, Prepared body) {
		Representations.negotiate(request, Representations.JSON);
		return Mono.just(new PreparedResponse(body, this.cacheControl));
	}

	/**
	 * An answer that needs a full-text search, made off the event loop once JSON is known
	 * to be acceptable.
	 */
	private Mono<ServerResponse> searched(ServerRequest request, Supplier<Prepared> search) {
		return Mono.fromRunnable(() -> Representations.negotiate(request, Representations.JSON))
			.then(this.searches.run(search))
			.map((body) -> new PreparedResponse(body, this.cacheControl));
	}

}
