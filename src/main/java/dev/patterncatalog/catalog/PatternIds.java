package dev.patterncatalog.catalog;

import java.util.regex.Pattern;

/**
 * The form of a pattern id: lowercase words of letters and digits joined by single
 * hyphens, such as {@code gen-pattern-003}. Ids are only ever looked up in memory, but
 * checking the form of one the catalog does not have turns nonsense and path tricks like
 * {@code ../} into a clear 400 instead of a 404.
 */
public final class PatternIds {

	public static final int MAX_LENGTH = 100;

	/** The form as a regular expression, as the API description gives it. */
	public static final String FORM_REGEX = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

	private static final Pattern FORM = Pattern.compile(FORM_REGEX);

	private PatternIds() {
	}

	public static boolean isValid(String id) {
		return id.length() <= MAX_LENGTH && FORM.matcher(id).matches();
	}

}
