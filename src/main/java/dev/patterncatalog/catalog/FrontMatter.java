package dev.patterncatalog.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * The validated YAML front matter of a pattern document.
 *
 * @param idLine the file line of the {@code id} key, for problems found later (duplicate
 * ids)
 */
record FrontMatter(String id, String title, String category, String language, String version, LocalDate createdAt,
		List<String> tags, Map<String, Object> attributes, int idLine) {

	private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
			+ "(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

	private static final List<String> REQUIRED = List.of("id", "title", "category", "language", "version", "created_at",
			"tags");

	/** A key given twice is an error, not the last value silently kept. */
	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * Reads and validates front matter, adding what is wrong to {@code problems}.
	 * @param lines the lines between the two {@code ---} lines
	 * @param firstLine the file line of the first of them
	 * @return the front matter, or {@code null} if it is unusable
	 */
	static @Nullable FrontMatter read(List<String> lines, int firstLine, String origin, List<CatalogProblem> problems) {
		// YAML forbids tabs in indentation; files written in editors that insert them are
		// common enough to accept
		List<String> yaml = lines.stream().map(FrontMatter::expandLeadingTabs).toList();
		JsonNode root;
		try {
			String text = String.join("\n", yaml);
			if (!plain(text, firstLine, origin, problems)) {
				return null;
			}
			root = YAML.readTree(text);
		}
		catch (JacksonException ex) {
			Integer line = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
					? firstLine + ex.getLocation().getLineNr() - 1 : null;
			problems.add(CatalogProblem.error(origin, line, "malformed YAML front matter: " + summary(ex)));
			return null;
		}
		if (root == null || !root.isObject()) {
			problems.add(CatalogProblem.error(origin, firstLine - 1, "front matter must be a YAML mapping of keys"));
			return null;
		}
		Fields fields = new Fields(root, yaml, firstLine, origin, problems);
		String id = fields.string("id");
		if (id != null && !PatternIds.isValid(id)) {
			fields.invalid("id", "id '" + id + "' must be lowercase words of letters and digits joined by '-'"
					+ " (at most " + PatternIds.MAX_LENGTH + " characters)");
			id = null;
		}
		String title = fields.string("title");
		String category = fields.string("category");
		String language = fields.string("language");
		String version = fields.string("version");
		if (version != null && !SEMVER.matcher(version).matches()) {
			fields.invalid("version", "version '" + version + "' is not a semantic version such as 1.0.0");
			version = null;
		}
		LocalDate createdAt = fields.date("created_at");
		List<String> tags = fields.tags();
		if (!fields.valid || id == null || title == null || category == null || language == null || version == null
				|| createdAt == null || tags == null) {
			return null;
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			if (!REQUIRED.contains(entry.getKey())) {
				attributes.put(entry.getKey(), YAML.treeToValue(entry.getValue(), Object.class));
			}
		}
		return new FrontMatter(id, title, category, language, version, createdAt, tags,
				Collections.unmodifiableMap(attributes), fields.lineOf("id"));
	}

	/**
	 * Whether the YAML is free of aliases and merge keys, which the parser would not
	 * resolve but pass on as the anchor's name and as a key; each one found is a problem.
	 * (An anchor alone changes nothing: its value is read as written.)
	 */
	private static boolean plain(String yaml, int firstLine, String origin, List<CatalogProblem> problems) {
		boolean plain = true;
		try (JsonParser parser = YAML.createParser(yaml)) {
			while (parser.nextToken() != null) {
				String found = null;
				if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
					found = "an alias (*" + parser.getString() + ")";
				}
				else if (parser.currentToken() == JsonToken.PROPERTY_NAME && "<<".equals(parser.currentName())) {
					found = "a merge key (<<)";
				}
				if (found != null) {
					problems.add(CatalogProblem.error(origin, firstLine + parser.currentTokenLocation().getLineNr() - 1,
							"front matter uses " + found
									+ ": write each value out, aliases and merge keys are not supported"));
					plain = false;
				}
			}
		}
		return plain;
	}

	/**
	 * The YAML parser's explanation without its source excerpts and caret lines, which a
	 * problem's line replaces.
	 */
	private static String summary(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		return message.lines()
			.filter((line) -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
			.map(String::strip)
			// a limit's message names the Java method that sets it: "(1000, from `...`)"
			.map((line) -> line.replaceAll(", from `[^`]*`", ""))
			.collect(Collectors.joining("; "));
	}

	private static String expandLeadingTabs(String line) {
		int i = 0;
		StringBuilder indent = new StringBuilder();
		while (i < line.length() && (line.charAt(i) == '\t' || line.charAt(i) == ' ')) {
			indent.append(line.charAt(i) == '\t' ? "  " : " ");
			i++;
		}
		return indent + line.substring(i);
	}

	/**
	 * Reads required fields one by one, reporting each missing or invalid one at its
	 * line.
	 */
	private static final class Fields {

		private final JsonNode root;

		private final List<String> lines;

		private final int firstLine;

		private final String origin;

		private final List<CatalogProblem> problems;

		boolean valid = true;

		Fields(JsonNode root, List<String> lines, int firstLine, String origin, List<CatalogProblem> problems) {
			this.root = root;
			this.lines = lines;
			this.firstLine = firstLine;
			this.origin = origin;
			this.problems = problems;
		}

		@Nullable String string(String key) {
			JsonNode node = present(key);
			if (node == null) {
				return null;
			}
			if (!node.isValueNode() || node.asString().isBlank()) {
				invalid(key, "'" + key + "' must be a non-empty text value");
				return null;
			}
			return node.asString().strip();
		}

		@Nullable LocalDate date(String key) {
			String value = string(key);
			if (value == null) {
				return null;
			}
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				invalid(key, "'" + key + "' value '" + value + "' is not an ISO date such as 2026-02-24");
				return null;
			}
		}

		@Nullable List<String> tags() {
			JsonNode node = present("tags");
			if (node == null) {
				return null;
			}
			if (!node.isArray()) {
				invalid("tags", "'tags' must be a list, such as [async, timeout]");
				return null;
			}
			Set<String> tags = new LinkedHashSet<>();
			for (JsonNode tag : node.values()) {
				if (!tag.isValueNode() || tag.isNull() || tag.asString().isBlank()) {
					invalid("tags", "every tag must be a non-empty text value");
					return null;
				}
				tags.add(tag.asString().strip());
			}
			return List.copyOf(tags);
		}

		private @Nullable JsonNode present(String key) {
			JsonNode node = this.root.get(key);
			if (node == null || node.isNull()) {
				this.valid = false;
				this.problems.add(CatalogProblem.error(this.origin, this.firstLine - 1,
						"missing required front-matter field '" + key + "'"));
				return null;
			}
			return node;
		}

		void invalid(String key, String message) {
			this.valid = false;
			this.problems.add(CatalogProblem.error(this.origin, lineOf(key), message));
		}

		int lineOf(String key) {
			Pattern keyLine = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
			for (int i = 0; i < this.lines.size(); i++) {
				if (keyLine.matcher(this.lines.get(i)).find()) {
					return this.firstLine + i;
				}
			}
			return this.firstLine - 1;
		}

	}

}
