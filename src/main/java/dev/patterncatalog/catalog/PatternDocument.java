package dev.patterncatalog.catalog;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A pattern document as structured data: its front matter, and the sections of its
 * Markdown body.
 *
 * @param attributes front-matter keys beyond the required ones, kept as written (for
 * example {@code demo})
 * @param summary the Markdown between the title heading and the first section
 * @param sections sections the format does not name, kept in document order
 * @param utf8 the original file content in UTF-8, without a byte order mark and with LF
 * line endings
 * @param bodyStart where in {@link #markdown()} the Markdown after the front matter
 * starts
 * @param origin where the document was loaded from
 */
@JsonPropertyOrder({ "id", "title", "category", "language", "version", "created_at", "tags", "attributes", "summary",
		"problem", "solutions", "when_to_use", "when_not_to_use", "related", "sections" })
public record PatternDocument(String id, String title, String category, String language, String version,
		@JsonProperty("created_at") @Schema(example = "2026-02-24") LocalDate createdAt, List<String> tags,
		Map<String, Object> attributes, String summary, String problem, List<Solution> solutions,
		@JsonProperty("when_to_use") List<String> whenToUse, @JsonProperty("when_not_to_use") List<String> whenNotToUse,
		List<RelatedLink> related, List<Section> sections, @JsonIgnore byte[] utf8, @JsonIgnore int bodyStart,
		@JsonIgnore String origin) {

	/**
	 * The original file content, decoded when asked for: held as UTF-8, it takes half the
	 * memory of a String with any character beyond Latin-1 (an em dash will do).
	 */
	@JsonIgnore
	public String markdown() {
		return new String(this.utf8, StandardCharsets.UTF_8);
	}

	/**
	 * The Markdown after the front matter, made when asked for.
	 */
	@JsonIgnore
	public String body() {
		return markdown().substring(this.bodyStart).strip();
	}

	public PatternSummary toSummary() {
		return new PatternSummary(this.id, this.title, this.category, this.language, this.version, this.createdAt,
				this.tags);
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
