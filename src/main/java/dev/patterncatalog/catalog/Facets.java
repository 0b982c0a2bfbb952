package dev.patterncatalog.catalog;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How many documents carry each category, language and tag, most frequent first.
 */
public record Facets(List<Count> categories, List<Count> languages, List<Count> tags) {

	static Facets of(Collection<PatternDocument> documents) {
		return new Facets(count(documents, (d) -> List.of(d.category())),
				count(documents, (d) -> List.of(d.language())), count(documents, PatternDocument::tags));
	}

	private static List<Count> count(Collection<PatternDocument> documents,
			Function<PatternDocument, List<String>> values) {
		Map<String, Long> counts = new TreeMap<>();
		documents.forEach((document) -> values.apply(document).forEach((v) -> counts.merge(v, 1L, Long::sum)));
		return counts.entrySet()
			.stream()
			.map((entry) -> new Count(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value))
			.toList();
	}

	public record Count(@Schema(example = "resilience") String value, @Schema(example = "9") long count) {
	}

}
