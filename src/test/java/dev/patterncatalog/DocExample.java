package dev.patterncatalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;

/**
 * One checked example of the documentation: the curl command shown, and the answer block
 * after it. An answer shortens what the service says with {@code ...}: a string ending in
 * {@code ...} stands for any string it begins, an array ending in {@code "..."} for one
 * that begins with its elements, an object with a {@code "..."} key for one that has at
 * least its other keys.
 */
record DocExample(Path file, int line, boolean shape, String curl, String fence, int answerFrom, int answerTo,
		String answer) {

	private static final String ELIDED = "...";

	private static final int WIDTH = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern MARKER = Pattern.compile("<!-- checked(: shape)? -->");

	private static final Pattern TOKEN = Pattern.compile("'([^']*)'|(\\S+)");

	/** The README and the docs. */
	static List<Path> files() throws IOException {
		try (Stream<Path> docs = Files.list(Path.of("src/docs"))) {
			return Stream
				.concat(Stream.of(Path.of("README.md")), docs.filter((p) -> p.toString().endsWith(".md")).sorted())
				.toList();
		}
	}

	/**
	 * The checked examples of a file: a marker line, then a {@code bash} block whose
	 * first line is a curl command, then the block of its answer.
	 */
	static List<DocExample> in(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		List<DocExample> examples = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher marker = MARKER.matcher(lines.get(i).trim());
			if (!marker.matches()) {
				continue;
			}
			String where = file + ":" + (i + 1);
			int curlLine = i + 2;
			if (!lines.get(i + 1).equals("```bash") || !lines.get(curlLine).startsWith("curl ")
					|| !lines.get(curlLine + 1).equals("```")) {
				throw new IllegalStateException(where + ": a checked example is a bash block of one curl command");
			}
			int open = curlLine + 2;
			if (!lines.get(open).matches("```(json|http)")) {
				throw new IllegalStateException(where + ": the answer must follow as a json or http block");
			}
			int close = open + 1;
			while (!lines.get(close).equals("```")) {
				close++;
			}
			examples.add(new DocExample(file, i + 1, marker.group(1) != null, lines.get(curlLine),
					lines.get(open).substring(3), open + 1, close, String.join("\n", lines.subList(open + 1, close))));
		}
		return examples;
	}

	/** What the curl command asks: its method, headers and URL. */
	Request request() {
		String method = "GET";
		Map<String, String> headers = new LinkedHashMap<>();
		String url = null;
		List<String> tokens = new ArrayList<>();
		Matcher token = TOKEN.matcher(this.curl.substring("curl ".length()));
		while (token.find()) {
			tokens.add((token.group(1) != null) ? token.group(1) : token.group(2));
		}
		for (Iterator<String> each = tokens.iterator(); each.hasNext();) {
			String next = each.next();
			switch (next) {
				case "-i" -> {
				}
				case "-X" -> method = each.next();
				case "-H" -> {
					String[] header = each.next().split(":\\s*", 2);
					headers.put(header[0], header[1]);
				}
				default -> {
					if (!next.startsWith("localhost:8080/") || url != null) {
						throw new IllegalStateException(this + ": cannot check curl's '" + next + "'");
					}
					url = next.substring("localhost:8080".length());
				}
			}
		}
		if (url == null) {
			throw new IllegalStateException(this + ": no URL");
		}
		return new Request(method, headers, url, tokens.contains("-i"));
	}

	/** The answer as the documentation would show it, shortened as the example is. */
	String write(Response response) {
		if (this.fence.equals("json")) {
			return pretty(elide(parse(this.answer), parse(response.body())), 0);
		}
		List<String> shown = this.answer.lines().toList();
		StringBuilder out = new StringBuilder(
				"HTTP/1.1 " + response.status() + " " + HttpStatus.valueOf(response.status()).getReasonPhrase() + "\n");
		int blank = shown.indexOf("");
		for (String header : shown.subList(1, (blank < 0) ? shown.size() : blank)) {
			String name = header.substring(0, header.indexOf(':'));
			String value = response.headers()
				.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> String.join(", ", e.getValue()))
				.findFirst()
				.orElse("(none)");
			out.append(name).append(": ").append(value).append('\n');
		}
		if (blank >= 0) {
			String body = String.join("\n", shown.subList(blank + 1, shown.size()));
			out.append('\n').append(pretty(elide(parse(body), parse(response.body())), 0)).append('\n');
		}
		return out.toString().stripTrailing();
	}

	/** What is compared: the answer itself, or for a shape its fields and types. */
	String comparable(String answer) {
		if (!this.shape) {
			return answer;
		}
		if (this.fence.equals("json")) {
			return pretty(shapeOf(parse(answer)), 0);
		}
		// the status line and the headers' names, and the body's shape
		int blank = answer.indexOf("\n\n");
		String head = (blank < 0) ? answer : answer.substring(0, blank);
		List<String> lines = new ArrayList<>();
		head.lines()
			.forEach((line) -> lines.add(line.startsWith("HTTP/") ? line : line.substring(0, line.indexOf(':'))));
		String body = (blank < 0) ? "" : "\n\n" + pretty(shapeOf(parse(answer.substring(blank + 2))), 0);
		return String.join("\n", lines) + body;
	}

	@Override
	public String toString() {
		return this.file + ":" + this.line + " " + this.curl;
	}

	private static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

	/** {@code seen} shortened where {@code shown} is. */
	static JsonNode elide(JsonNode shown, JsonNode seen) {
		if (shown.isString() && shown.asString().endsWith(ELIDED) && seen.isString()) {
			String prefix = shown.asString().substring(0, shown.asString().length() - ELIDED.length());
			String text = seen.asString();
			if (text.startsWith(prefix) && text.length() > prefix.length()) {
				return shown;
			}
			int keep = Math.max(prefix.length(), 60);
			return (text.length() > keep) ? JsonNodeFactory.instance.stringNode(text.substring(0, keep) + ELIDED)
					: seen;
		}
		if (shown.isArray() && seen.isArray() && !shown.isEmpty() && isElided(shown.get(shown.size() - 1))) {
			ArrayNode out = JsonNodeFactory.instance.arrayNode();
			int keep = shown.size() - 1;
			for (int i = 0; i < Math.min(keep, seen.size()); i++) {
				out.add(elide(shown.get(i), seen.get(i)));
			}
			// kept even when nothing more came this time: it says more may come
			out.add(ELIDED);
			return out;
		}
		if (shown.isObject() && seen.isObject()) {
			ObjectNode out = JsonNodeFactory.instance.objectNode();
			if (shown.has(ELIDED)) {
				for (String name : shown.propertyNames()) {
					if (!name.equals(ELIDED) && seen.has(name)) {
						out.set(name, elide(shown.get(name), seen.get(name)));
					}
				}
				out.put(ELIDED, ELIDED);
				return out;
			}
			for (String name : seen.propertyNames()) {
				out.set(name, shown.has(name) ? elide(shown.get(name), seen.get(name)) : seen.get(name));
			}
			return out;
		}
		if (shown.isArray() && seen.isArray()) {
			ArrayNode out = JsonNodeFactory.instance.arrayNode();
			for (int i = 0; i < seen.size(); i++) {
				out.add((i < shown.size()) ? elide(shown.get(i), seen.get(i)) : seen.get(i));
			}
			return out;
		}
		return seen;
	}

	private static boolean isElided(JsonNode node) {
		return node.isString() && node.asString().equals(ELIDED);
	}

	/** Fields and lengths, every value alike. */
	private static JsonNode shapeOf(JsonNode node) {
		if (node.isObject()) {
			ObjectNode out = JsonNodeFactory.instance.objectNode();
			node.propertyNames().stream().sorted().forEach((name) -> out.set(name, shapeOf(node.get(name))));
			return out;
		}
		if (node.isArray()) {
			ArrayNode out = JsonNodeFactory.instance.arrayNode();
			node.forEach((item) -> out.add(isElided(item) ? item : shapeOf(item)));
			return out;
		}
		// a value's type may change with what a run measured (a percentile too few runs
		// for is null), so only the fields and the arrays' lengths count
		return JsonNodeFactory.instance.numberNode(0);
	}

	/**
	 * On one line where it fits in {@link #WIDTH}, or in twice that if it holds no more
	 * than one level of containers (a row of a list), else a member a line.
	 */
	static String pretty(JsonNode node, int indent) {
		String compact = compact(node);
		int width = (depth(node) <= 2) ? 2 * WIDTH : WIDTH;
		if (indent + compact.length() <= width || !node.isContainer() || node.isEmpty()) {
			return compact;
		}
		String inner = " ".repeat(indent + 2);
		List<String> members = new ArrayList<>();
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				members.add(inner + quoted(name) + ": " + pretty(node.get(name), indent + 2));
			}
		}
		else {
			node.forEach((item) -> members.add(inner + pretty(item, indent + 2)));
		}
		return (node.isObject() ? "{" : "[") + "\n" + String.join(",\n", members) + "\n" + " ".repeat(indent)
				+ (node.isObject() ? "}" : "]");
	}

	private static int depth(JsonNode node) {
		int depth = 0;
		for (JsonNode child : node) {
			depth = Math.max(depth, depth(child));
		}
		return node.isContainer() ? depth + 1 : 0;
	}

	private static String compact(JsonNode node) {
		if (node.isObject()) {
			List<String> members = new ArrayList<>();
			for (String name : node.propertyNames()) {
				members.add(quoted(name) + ": " + compact(node.get(name)));
			}
			return "{" + String.join(", ", members) + "}";
		}
		if (node.isArray()) {
			List<String> items = new ArrayList<>();
			node.forEach((item) -> items.add(compact(item)));
			return "[" + String.join(", ", items) + "]";
		}
		return JSON.writeValueAsString(node);
	}

	private static String quoted(String name) {
		return JSON.writeValueAsString(name);
	}

	/** A request as curl would send it. */
	record Request(String method, Map<String, String> headers, String pathAndQuery, boolean withHeaders) {
	}

	/** What the service answered. */
	record Response(int status, Map<String, List<String>> headers, String body) {
	}

}
