package dev.patterncatalog.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Turns the text of a pattern document into a {@link PatternDocument}, or into the
 * problems that stop it from being one. Never throws for any input.
 */
final class DocumentParser {

	/**
	 * What parsing one file produced.
	 * @param document the document, or {@code null} if it has errors
	 * @param problems errors and warnings, in file order
	 */
	/**
	 * @param content the sections of a document just parsed, for indexing it without
	 * parsing it again; not kept
	 */
	record Result(@Nullable PatternDocument document, List<CatalogProblem> problems, int idLine,
			PatternDocument.@Nullable Content content) {

		Result(@Nullable PatternDocument document, List<CatalogProblem> problems, int idLine) {
			this(document, problems, idLine, null);
		}

		Result withoutContent() {
			return (this.content != null) ? new Result(this.document, this.problems, this.idLine) : this;
		}

		boolean hasErrors() {
			return this.problems.stream().anyMatch((p) -> p.severity() == CatalogProblem.Severity.ERROR);
		}

	}

	Result parse(String origin, String content) {
		List<CatalogProblem> problems = new ArrayList<>();
		try {
			return parse(origin, content, problems);
		}
		catch (RuntimeException ex) {
			// a bug here must cost one document, not the catalog
			problems.add(CatalogProblem.error(origin, null, "could not parse: " + ex));
			return new Result(null, problems, 1);
		}
	}

	private Result parse(String origin, String content, List<CatalogProblem> problems) {
		String markdown = normalize(content);
		List<String> lines = markdown.lines().toList();
		if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
			problems.add(CatalogProblem.error(origin, 1,
					"a document must start with a '---' line opening its YAML front matter"));
			return new Result(null, problems, 1);
		}
		int close = 1;
		while (close < lines.size() && !isFrontMatterEnd(lines.get(close))) {
			close++;
		}
		if (close == lines.size()) {
			problems.add(CatalogProblem.error(origin, 1, "front matter is not closed by a '---' line"));
			return new Result(null, problems, 1);
		}
		FrontMatter front = FrontMatter.read(lines.subList(1, close), 2, origin, problems);
		if (front == null) {
			return new Result(null, problems, 1);
		}
		DocumentBody body = new DocumentBody(origin, lines.subList(close + 1, lines.size()), close + 2, problems);
		PatternDocument document = PatternDocument.of(front, body, markdown, bodyStart(markdown, close + 1), origin);
		return new Result(document, problems, front.idLine(), body.content());
	}

	/**
	 * Where line {@code line} (from 0) of LF-separated text starts.
	 */
	private static int bodyStart(String markdown, int line) {
		int at = 0;
		for (int i = 0; i < line; i++) {
			int end = markdown.indexOf('\n', at);
			if (end < 0) {
				return markdown.length();
			}
			at = end + 1;
		}
		return at;
	}

	private static String normalize(String content) {
		String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	private static boolean isFrontMatterEnd(String line) {
		String stripped = line.strip();
		return stripped.equals("---") || stripped.equals("...");
	}

}
