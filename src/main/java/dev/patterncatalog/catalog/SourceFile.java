package dev.patterncatalog.catalog;

import org.jspecify.annotations.Nullable;

/**
 * The text of one catalog file, or why it could not be read.
 *
 * @param origin where it comes from, such as {@code classpath:patterns/retry.md} or
 * {@code file:/srv/patterns/x.md}
 * @param builtin whether it ships with the service; a document of the catalog folder
 * overrides a built-in one of the same id
 */
record SourceFile(String origin, @Nullable String content, @Nullable String unreadable, boolean builtin) {

	static SourceFile of(String origin, String content, boolean builtin) {
		return new SourceFile(origin, content, null, builtin);
	}

	static SourceFile unreadable(String origin, String reason) {
		return new SourceFile(origin, null, reason, false);
	}

}
