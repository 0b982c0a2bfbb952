package dev.patterncatalog.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Something wrong found while loading the catalog.
 *
 * @param file where the problem is, such as {@code classpath:patterns/gen-pattern-003.md}
 * @param line the 1-based line in that file, where known
 * @param severity {@code ERROR} if the document was left out, {@code WARNING} if it was
 * kept
 */
public record CatalogProblem(@Schema(example = "file:/srv/patterns/retry.md") String file,
		@Schema(example = "7") @Nullable Integer line, Severity severity,
		@Schema(example = "version '1.0' is not a semantic version such as 1.0.0") String message) {

	static CatalogProblem error(String file, @Nullable Integer line, String message) {
		return new CatalogProblem(file, line, Severity.ERROR, message);
	}

	static CatalogProblem warning(String file, @Nullable Integer line, String message) {
		return new CatalogProblem(file, line, Severity.WARNING, message);
	}

	/**
	 * The problem on one line, as it is logged: a line break in a document's id or a
	 * file's name is written as an escape, so that no document can forge a log line.
	 */
	@Override
	public String toString() {
		return oneLine(
				this.file + ((this.line != null) ? ":" + this.line : "") + ": " + this.severity + ": " + this.message);
	}

	private static String oneLine(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	public enum Severity {

		/**
		 * The document was left out of the catalog (or its last good version was kept).
		 */
		ERROR,

		/** The document was kept, but something in it needs attention. */
		WARNING

	}

}
