package dev.patterncatalog.catalog.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.patterncatalog.catalog.PatternFilter;
import dev.patterncatalog.catalog.PatternQuery.Field;
import dev.patterncatalog.catalog.PatternQuery.Order;
import dev.patterncatalog.system.InvalidParameter;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a listing, in which order, bound from the query; what is not given takes
 * its default.
 *
 * @param page the page, from 0
 * @param size the patterns per page
 * @param sort the order's field, prefixed with '-' for descending order
 */
record PageParameters(
		@Parameter(description = "Page, from 0 (at most 10000)") @Schema(
				defaultValue = "0") @Min(0) @Max(10_000) Integer page,
		@Parameter(description = "Patterns per page") @Schema(
				defaultValue = "" + DEFAULT_SIZE) @Min(1) @Max(100) Integer size,
		@Parameter(
				description = "Order: title, created_at or relevance (needs q); prefix '-' to reverse."
						+ " Default: relevance with q, title without",
				schema = @Schema(type = "string", allowableValues = {
						"title", "-title", "created_at", "-created_at", "relevance",
						"-relevance" })) @Nullable String sort){

	static final int DEFAULT_SIZE = 20;

	PageParameters {
		page = (page != null) ? page : 0;
		size = (size != null) ? size : DEFAULT_SIZE;
		sort = FilterParameters.given(sort);
	}

	/**
	 * The order asked for, or the default for {@code filter}.
	 * @throws InvalidParameter if {@code sort} names no field, or relevance without a
	 * full-text query
	 */
	Order order(PatternFilter filter) {
		if (this.sort == null) {
			return (filter.text() != null) ? Order.BY_RELEVANCE : Order.BY_TITLE;
		}
		boolean descending = this.sort.startsWith("-");
		String name = descending ? this.sort.substring(1) : this.sort;
		Field field = Arrays.stream(Field.values())
			.filter((f) -> f.parameter().equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidParameter("sort",
					"Parameter 'sort' must be one of "
							+ Arrays.stream(Field.values()).map(Field::parameter).collect(Collectors.joining(", "))
							+ ", optionally prefixed with '-' for descending order; not '" + this.sort + "'."));
		if (field == Field.RELEVANCE && filter.text() == null) {
			throw new InvalidParameter("sort",
					"Parameter 'sort' can be 'relevance' only with a full-text query in parameter 'q'.");
		}
		return new Order(field, descending);
	}

}
