package dev.patterncatalog.catalog.web;

import java.util.List;
import java.util.Set;

import dev.patterncatalog.catalog.PatternDocument;
import dev.patterncatalog.catalog.PatternIds;
import dev.patterncatalog.system.HtmlPages;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.stereotype.Component;

/**
 * Renders a pattern document as a standalone HTML page. Raw HTML in a document is
 * escaped, never passed through, and link targets are sanitized, so a document cannot
 * inject markup or scripts. Headings get anchors, code spans naming another pattern of
 * the catalog link to it, and a document whose {@code demo} attribute names a demo of the
 * latency lab links to that demo's page in the lab.
 */
@Component
final class PatternHtml {

	private static final Parser PARSER = Parser.builder().extensions(List.of(HeadingAnchorExtension.create())).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.extensions(List.of(HeadingAnchorExtension.create()))
		.escapeHtml(true)
		.sanitizeUrls(true)
		// commonmark's default lets data: through, which can carry a page of its own
		.urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
		// a code block wider than the screen scrolls: focusable, so that a keyboard can
		// scroll it too
		.attributeProviderFactory((context) -> (node, tagName, attributes) -> {
			if (tagName.equals("pre")) {
				attributes.put("tabindex", "0");
			}
		})
		.build();

	private final HtmlPages pages;

	PatternHtml(HtmlPages pages) {
		this.pages = pages;
	}

	String render(PatternDocument document, Set<String> knownIds) {
		Node body = PARSER.parse(document.body());
		body.accept(new PatternLinks(knownIds));
		return this.pages.render("pattern",
				new Page(document.title() + " · Pattern Catalog", document.id(), document.category(),
						document.language(), document.version(), document.createdAt().toString(),
						String.join(", ", document.tags()), demo(document), RENDERER.render(body)));
	}

	/**
	 * The document's demo, if its {@code demo} attribute has the form of a name (as ids
	 * have): nothing else is put in a link. The link leads to the demo's page in the lab,
	 * a link rather than a dependency on the lab (the lab's API tests check that every
	 * demo's document carries it).
	 */
	private static List<String> demo(PatternDocument document) {
		return (document.attributes().get("demo") instanceof String demo && PatternIds.isValid(demo)) ? List.of(demo)
				: List.of();
	}

	/**
	 * What {@code pattern.mustache} shows.
	 *
	 * @param demo the demo its link leads to, if any
	 * @param body the document's body as HTML, rendered by commonmark with raw HTML
	 * escaped
	 */
	record Page(String title, String id, String category, String language, String version, String createdAt,
			String tags, List<String> demo, String body) {
	}

	/**
	 * Wraps a code span that is exactly the id of a catalog pattern in a link to that
	 * pattern.
	 */
	private static final class PatternLinks extends AbstractVisitor {

		private final Set<String> knownIds;

		PatternLinks(Set<String> knownIds) {
			this.knownIds = knownIds;
		}

		@Override
		public void visit(Code code) {
			if (this.knownIds.contains(code.getLiteral()) && !(code.getParent() instanceof Link)) {
				Link link = new Link("/api/patterns/" + code.getLiteral(), null);
				code.insertBefore(link);
				link.appendChild(code);
			}
		}

	}

}
