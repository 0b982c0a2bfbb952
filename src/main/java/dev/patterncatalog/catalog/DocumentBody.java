package dev.patterncatalog.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.patterncatalog.catalog.PatternDocument.CodeExample;
import dev.patterncatalog.catalog.PatternDocument.RelatedLink;
import dev.patterncatalog.catalog.PatternDocument.Section;
import dev.patterncatalog.catalog.PatternDocument.Solution;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jspecify.annotations.Nullable;

/**
 * The Markdown after a pattern document's front matter, split into the sections the
 * format knows: a summary before the first heading, Problem, Solution: ..., When to Use,
 * When NOT to Use, Related Patterns, and any other section as it is. What is missing or
 * malformed is a warning.
 */
final class DocumentBody {

	private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

	private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

	/**
	 * An id in backticks, or a bare id of two or more words, optionally as the text of a
	 * Markdown link.
	 */
	private static final Pattern RELATED_ID = Pattern
		.compile("^\\[?(?:`([a-z0-9]+(?:-[a-z0-9]+)*)`|([a-z0-9]+(?:-[a-z0-9]+)+)\\b)]?(?:\\([^)]*\\))?");

	private static final Pattern LABEL_SEPARATOR = Pattern.compile("^[\\s\\-–—:|]+");

	private final String origin;

	private final List<String> lines;

	private final int firstLine;

	private final List<CatalogProblem> problems;

	private String summary = "";

	private String problem = "";

	private final List<Solution> solutions = new ArrayList<>();

	private final List<String> whenToUse = new ArrayList<>();

	private final List<String> whenNotToUse = new ArrayList<>();

	private final List<RelatedLink> related = new ArrayList<>();

	private final List<Section> otherSections = new ArrayList<>();

	DocumentBody(String origin, List<String> lines, int firstLine, List<CatalogProblem> problems) {
		this.origin = origin;
		this.lines = lines;
		this.firstLine = firstLine;
		this.problems = problems;
		Node document = MARKDOWN.parse(String.join("\n", lines));
		List<Node> preamble = new ArrayList<>();
		Heading heading = null;
		List<Node> blocks = new ArrayList<>();
		for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
			if (node instanceof Heading h && h.getLevel() == 1 && heading == null && preamble.isEmpty()) {
				continue; // the title heading repeats the front matter title
			}
			if (node instanceof Heading h && h.getLevel() == 2) {
				if (heading != null) {
					section(heading, blocks);
				}
				heading = h;
				blocks = new ArrayList<>();
			}
			else if (heading == null) {
				preamble.add(node);
			}
			else {
				blocks.add(node);
			}
		}
		if (heading != null) {
			section(heading, blocks);
		}
		this.summary = markdown(preamble);
		if (this.problem.isEmpty()) {
			warn(null, "no '## Problem' section");
		}
		if (this.solutions.isEmpty()) {
			warn(null, "no '## Solution: ...' section");
		}
	}

	String summary() {
		return this.summary;
	}

	String problem() {
		return this.problem;
	}

	List<Solution> solutions() {
		return List.copyOf(this.solutions);
	}

	List<String> whenToUse() {
		return List.copyOf(this.whenToUse);
	}

	List<String> whenNotToUse() {
		return List.copyOf(this.whenNotToUse);
	}

	List<RelatedLink> related() {
		return List.copyOf(this.related);
	}

	/**
	 * The sections the format does not know, in file order.
	 */
	PatternDocument.Content content() {
		return new PatternDocument.Content(summary(), problem(), solutions(), whenToUse(), whenNotToUse(),
				otherSections());
	}

	List<Section> otherSections() {
		return List.copyOf(this.otherSections);
	}

	private void section(Heading heading, List<Node> blocks) {
		String title = PLAIN.render(heading).strip();
		String key = title.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[:\\s]+$", "");
		if (key.equals("problem") || key.equals("the problem")) {
			this.problem = this.problem.isEmpty() ? markdown(blocks) : this.problem + "\n\n" + markdown(blocks);
		}
		else if (key.startsWith("solution")) {
			String name = title.replaceFirst("(?i)^solutions?\\s*[:\\-–—]?\\s*", "").strip();
			this.solutions.add(solution(name.isEmpty() ? title : name, blocks));
		}
		else if (key.equals("when to use")) {
			this.whenToUse.addAll(items(blocks));
		}
		else if (key.equals("when not to use")) {
			this.whenNotToUse.addAll(items(blocks));
		}
		else if (key.equals("related patterns") || key.equals("related")) {
			related(blocks);
		}
		else {
			this.otherSections.add(new Section(title, markdown(blocks)));
		}
	}

	private Solution solution(String name, List<Node> blocks) {
		List<CodeExample> examples = new ArrayList<>();
		List<String> prose = new ArrayList<>();
		String label = null;
		for (Node block : blocks) {
			String blockLabel = label(block);
			if (blockLabel != null && block.getNext() instanceof FencedCodeBlock) {
				label = blockLabel;
			}
			else if (block instanceof FencedCodeBlock code) {
				String language = code.getInfo() == null ? "" : code.getInfo().strip().split("\\s+")[0];
				if (language.isEmpty()) {
					warn(line(block), "code example without a language after its opening fence");
					language = "text";
				}
				String literal = code.getLiteral();
				examples.add(new CodeExample(language.toLowerCase(Locale.ROOT), label,
						literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal));
				label = null;
			}
			else {
				prose.add(markdown(List.of(block)));
			}
		}
		return new Solution(name, String.join("\n\n", prose), List.copyOf(examples));
	}

	/**
	 * A paragraph that is only bold text ending in a colon, like {@code **Python:**},
	 * names the code below it.
	 */
	private static @Nullable String label(Node block) {
		if (!(block instanceof Paragraph) || !(block.getFirstChild() instanceof StrongEmphasis strong)) {
			return null;
		}
		String rest = "";
		for (Node node = strong.getNext(); node != null; node = node.getNext()) {
			if (!(node instanceof Text text)) {
				return null;
			}
			rest += text.getLiteral();
		}
		String label = PLAIN.render(strong).strip() + rest.strip();
		if (!label.endsWith(":") || label.length() == 1) {
			return null;
		}
		return label.substring(0, label.length() - 1).strip();
	}

	private List<String> items(List<Node> blocks) {
		List<String> items = new ArrayList<>();
		for (Node block : blocks) {
			if (block instanceof ListBlock list) {
				for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
					String text = itemText((ListItem) item);
					if (!text.isEmpty()) {
						items.add(text);
					}
				}
			}
			else if (block instanceof Paragraph) {
				items.add(markdown(List.of(block)));
			}
		}
		return items;
	}

	private void related(List<Node> blocks) {
		for (Node block : blocks) {
			if (!(block instanceof ListBlock list)) {
				continue;
			}
			for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
				String text = itemText((ListItem) item);
				Matcher id = RELATED_ID.matcher(text);
				String found = id.find() ? ((id.group(1) != null) ? id.group(1) : id.group(2)) : null;
				if (found != null && PatternIds.isValid(found)) {
					String label = LABEL_SEPARATOR.matcher(text.substring(id.end())).replaceFirst("").strip();
					this.related.add(new RelatedLink(found, label));
				}
				else {
					warn(line(item), "related pattern item does not start with a pattern id: '" + text + "'");
				}
			}
		}
	}

	/**
	 * The Markdown of the blocks of a list item, without the list marker.
	 */
	private String itemText(ListItem item) {
		List<String> parts = new ArrayList<>();
		for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
			List<String> spans = new ArrayList<>();
			for (SourceSpan span : child.getSourceSpans()) {
				String line = this.lines.get(span.getLineIndex());
				int start = Math.min(span.getColumnIndex(), line.length());
				spans.add(line.substring(start, Math.min(start + span.getLength(), line.length())));
			}
			parts.add(String.join("\n", spans));
		}
		return String.join("\n", parts).strip();
	}

	/**
	 * The source lines from the first block to the last, blank lines between them
	 * included.
	 */
	private String markdown(List<Node> blocks) {
		if (blocks.isEmpty()) {
			return "";
		}
		List<SourceSpan> first = blocks.get(0).getSourceSpans();
		List<SourceSpan> last = blocks.get(blocks.size() - 1).getSourceSpans();
		if (first.isEmpty() || last.isEmpty()) {
			return "";
		}
		int from = first.get(0).getLineIndex();
		int to = last.get(last.size() - 1).getLineIndex();
		return String.join("\n", this.lines.subList(from, to + 1)).strip();
	}

	private @Nullable Integer line(Node node) {
		List<SourceSpan> spans = node.getSourceSpans();
		return spans.isEmpty() ? null : this.firstLine + spans.get(0).getLineIndex();
	}

	private void warn(@Nullable Integer line, String message) {
		this.problems.add(CatalogProblem.warning(this.origin, line, message));
	}

}
