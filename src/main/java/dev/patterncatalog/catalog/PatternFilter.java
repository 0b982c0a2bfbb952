package dev.patterncatalog.catalog;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which documents a listing or a facet count covers. Every condition given must hold.
 *
 * @param category the category, ignoring case
 * @param language the language, ignoring case
 * @param tags tags that must all be present, ignoring case
 * @param text a full-text query; see {@link SearchIndex} for its syntax
 */
public record PatternFilter(@Nullable String category, @Nullable String language, List<String> tags,
		@Nullable String text) {

	public static final PatternFilter ALL = new PatternFilter(null, null, List.of(), null);

	boolean matches(PatternDocument document) {
		return (this.category == null || this.category.equalsIgnoreCase(document.category()))
				&& (this.language == null || this.language.equalsIgnoreCase(document.language()))
				&& this.tags.stream().allMatch((tag) -> hasTag(document, tag));
	}

	private static boolean hasTag(PatternDocument document, String tag) {
		String wanted = tag.toLowerCase(Locale.ROOT);
		return document.tags().stream().anyMatch((t) -> t.toLowerCase(Locale.ROOT).equals(wanted));
	}

}
