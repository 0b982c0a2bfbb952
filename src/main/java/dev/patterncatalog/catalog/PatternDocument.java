package dev.patterncatalog.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A pattern document as the catalog holds it: its front matter, its related links, and
 * its text, deflated. The sections of its body are parsed again from the text when asked
 * for ({@link #content()}), which happens when an answer is prepared or the document
 * indexed: held parsed, they took more memory than the text itself.
 *
 * @param attributes front-matter keys beyond the required ones, kept as written (for
 * example {@code demo})
 * @param deflated the original file content in UTF-8, without a byte order mark and with
 * LF line endings, deflated
 * @param bodyStart where in {@link #markdown()} the Markdown after the front matter
 * starts
 * @param origin where the document was loaded from
 */
public record PatternDocument(String id, String title, String category, String language, String version,
		LocalDate createdAt, List<String> tags, Map<String, Object> attributes, List<RelatedLink> related,
		byte[] deflated, int bodyStart, String origin) {

	/**
	 * A document whose original text is {@code markdown}.
	 */
	static PatternDocument of(FrontMatter front, DocumentBody body, String markdown, int bodyStart, String origin) {
		return new PatternDocument(front.id(), front.title(), front.category(), front.language(), front.version(),
				front.createdAt(), front.tags(), front.attributes(), body.related(), deflate(markdown), bodyStart,
				origin);
	}

	/**
	 * The sections of the body, parsed from the text. Problems were reported when the
	 * document was loaded; the same text gives the same sections.
	 */
	public Content content() {
		String markdown = markdown();
		List<String> lines = markdown.substring(this.bodyStart).lines().toList();
		return new DocumentBody(this.origin, lines, 1, new ArrayList<>()).content();
	}

	/**
	 * The document as the API answers it.
	 */
	public Json json() {
		Content content = content();
		return new Json(this.id, this.title, this.category, this.language, this.version, this.createdAt, this.tags,
				this.attributes, content.summary(), content.problem(), content.solutions(), content.whenToUse(),
				content.whenNotToUse(), this.related, content.sections());
	}

	/**
	 * The original file content in UTF-8. The text is held deflated: the parsed fields
	 * serve every answer but the Markdown one, and a large catalog's text would otherwise
	 * be the larger part of its memory.
	 */
	public byte[] utf8() {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(this.deflated);
			ByteArrayOutputStream out = new ByteArrayOutputStream(this.deflated.length * 4);
			byte[] chunk = new byte[8192];
			while (!inflater.finished()) {
				int length = inflater.inflate(chunk);
				if (length == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IllegalStateException("truncated document text: " + this.origin);
				}
				out.write(chunk, 0, length);
			}
			return out.toByteArray();
		}
		catch (DataFormatException ex) {
			throw new IllegalStateException("corrupt document text: " + this.origin, ex);
		}
		finally {
			inflater.end();
		}
	}

	/**
	 * The original file content, without a byte order mark and with LF line ends.
	 */
	public String markdown() {
		return new String(utf8(), StandardCharsets.UTF_8);
	}

	/**
	 * Text as a document holds it: UTF-8, deflated.
	 */
	public static byte[] deflate(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		// the fastest level: a reload deflates every changed document on its thread
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try {
			deflater.setInput(bytes);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
			byte[] chunk = new byte[8192];
			while (!deflater.finished()) {
				out.write(chunk, 0, deflater.deflate(chunk));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	/**
	 * The Markdown after the front matter, made when asked for.
	 */
	public String body() {
		return markdown().substring(this.bodyStart).strip();
	}

	public PatternSummary toSummary() {
		return new PatternSummary(this.id, this.title, this.category, this.language, this.version, this.createdAt,
				this.tags);
	}

	/**
	 * The sections of a document's body.
	 *
	 * @param summary the Markdown between the title heading and the first section
	 * @param sections sections the format does not name, kept in document order
	 */
	public record Content(String summary, String problem, List<Solution> solutions, List<String> whenToUse,
			List<String> whenNotToUse, List<Section> sections) {
	}

	/**
	 * A pattern document as structured data: its front matter, and the sections of its
	 * Markdown body.
	 *
	 * @param attributes front-matter keys beyond the required ones, kept as written (for
	 * example {@code demo})
	 * @param summary the Markdown between the title heading and the first section
	 * @param sections sections the format does not name, kept in document order
	 */
	@Schema(name = "PatternDocument")
	@JsonPropertyOrder({ "id", "title", "category", "language", "version", "created_at", "tags", "attributes",
			"summary", "problem", "solutions", "when_to_use", "when_not_to_use", "related", "sections" })
	public record Json(String id, String title, String category, String language, String version,
			@JsonProperty("created_at") @Schema(example = "2026-02-24") LocalDate createdAt, List<String> tags,
			Map<String, Object> attributes, String summary, String problem, List<Solution> solutions,
			@JsonProperty("when_to_use") List<String> whenToUse,
			@JsonProperty("when_not_to_use") List<String> whenNotToUse, List<RelatedLink> related,
			List<Section> sections) {
	}

	/**
	 * One way of solving the problem: prose and the code examples that show it.
	 *
	 * @param name the part of the heading after "Solution:"
	 * @param prose the Markdown of the section without its code examples
	 */
	public record Solution(String name, String prose, List<CodeExample> examples) {
	}

	/**
	 * A fenced code block of a solution.
	 *
	 * @param label the bold line that introduced the block, such as "Python", if there
	 * was one
	 */
	public record CodeExample(String language, @Nullable String label, String code) {
	}

	/**
	 * A link from the Related Patterns section.
	 */
	public record RelatedLink(String id, String label) {
	}

	/**
	 * A section the format does not name, such as "Trade-offs".
	 */
	public record Section(String heading, String markdown) {
	}

}
