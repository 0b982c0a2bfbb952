package dev.patterncatalog.catalog.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import dev.patterncatalog.catalog.PatternFilter;
import dev.patterncatalog.catalog.PatternQuery.Field;
import dev.patterncatalog.catalog.PatternQuery.Order;
import dev.patterncatalog.catalog.PatternQuery;
import dev.patterncatalog.system.InvalidParameter;
import dev.patterncatalog.system.QueryParameters;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * Reads the listing and facet parameters of a request into a {@link PatternQuery} or
 * {@link PatternFilter}.
 */
final class PatternParameters {

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	static final int MAX_PAGE = 10_000;

	static final int MAX_QUERY_LENGTH = 200;

	static final int MAX_VALUE_LENGTH = 64;

	static final int MAX_TAGS = 10;

	static final Set<String> FILTER = Set.of("category", "language", "tag", "q");

	static final Set<String> LISTING = Set.of("category", "language", "tag", "q", "page", "size", "sort");

	private PatternParameters() {
	}

	static PatternFilter filter(MultiValueMap<String, String> values) {
		return filter(QueryParameters.of(values, FILTER));
	}

	static PatternQuery query(MultiValueMap<String, String> values) {
		QueryParameters parameters = QueryParameters.of(values, LISTING);
		PatternFilter filter = filter(parameters);
		int page = parameters.integer("page", 0, 0, MAX_PAGE);
		int size = parameters.integer("size", DEFAULT_SIZE, 1, MAX_SIZE);
		return new PatternQuery(filter, page, size, order(parameters.text("sort", MAX_VALUE_LENGTH), filter));
	}

	private static PatternFilter filter(QueryParameters parameters) {
		return new PatternFilter(parameters.text("category", MAX_VALUE_LENGTH),
				parameters.text("language", MAX_VALUE_LENGTH), parameters.texts("tag", MAX_VALUE_LENGTH, MAX_TAGS),
				parameters.text("q", MAX_QUERY_LENGTH));
	}

	private static Order order(@Nullable String sort, PatternFilter filter) {
		if (sort == null) {
			return (filter.text() != null) ? Order.BY_RELEVANCE : Order.BY_TITLE;
		}
		boolean descending = sort.startsWith("-");
		String name = descending ? sort.substring(1) : sort;
		Field field = Arrays.stream(Field.values())
			.filter((f) -> f.parameter().equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidParameter("sort",
					"Parameter 'sort' must be one of "
							+ Arrays.stream(Field.values()).map(Field::parameter).collect(Collectors.joining(", "))
							+ ", optionally prefixed with '-' for descending order; not '" + sort + "'."));
		if (field == Field.RELEVANCE && filter.text() == null) {
			throw new InvalidParameter("sort",
					"Parameter 'sort' can be 'relevance' only with a full-text query in parameter 'q'.");
		}
		return new Order(field, descending);
	}

}
