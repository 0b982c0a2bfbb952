package dev.patterncatalog.catalog.web;

import java.util.List;
import java.util.Set;

import dev.patterncatalog.catalog.PatternDocument;
import dev.patterncatalog.catalog.PatternIds;
import dev.patterncatalog.system.HtmlPage;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import static dev.patterncatalog.system.HtmlPage.escape;

/**
 * Renders a pattern document as a standalone HTML page. Raw HTML in a document is
 * escaped, never passed through, and link targets are sanitized, so a document cannot
 * inject markup or scripts. Headings get anchors, code spans naming another pattern of
 * the catalog link to it, and a document whose {@code demo} attribute names a demo of the
 * latency lab links to that demo's comparison of its variants.
 */
final class PatternHtml {

	private static final Parser PARSER = Parser.builder().extensions(List.of(HeadingAnchorExtension.create())).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.extensions(List.of(HeadingAnchorExtension.create()))
		.escapeHtml(true)
		.sanitizeUrls(true)
		// commonmark's default lets data: through, which can carry a page of its own
		.urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
		.build();

	private static final String STYLE = """
			pre { background: #f4f4f6; padding: .8rem 1rem; overflow-x: auto; border-radius: 6px; }
			.meta span + span::before { content: " · "; }
			""";

	private static final String BODY = """
			<article>
			<p class="meta"><span>%s</span><span>%s</span><span>%s</span><span>v%s</span><span>%s</span><span>%s</span>%s</p>
			%s</article>
			""";

	/**
	 * The latency lab's comparison of a demo's variants: a link, not a dependency on the
	 * lab (the lab's API tests check that every demo's document carries it). The demo's
	 * own defaults are large enough for the pattern's point to come out the same on every
	 * reload.
	 */
	private static final String DEMO_COMPARISON = "/api/lab/demos/%s/compare";

	private PatternHtml() {
	}

	static String render(PatternDocument document, Set<String> knownIds) {
		Node body = PARSER.parse(document.body());
		body.accept(new PatternLinks(knownIds));
		return HtmlPage.render(document.title() + " · Pattern Catalog", STYLE,
				BODY.formatted(escape(document.id()), escape(document.category()), escape(document.language()),
						escape(document.version()), document.createdAt(), escape(String.join(", ", document.tags())),
						demoLink(document), RENDERER.render(body)));
	}

	/**
	 * A link to the document's demo, if its {@code demo} attribute has the form of a name
	 * (as ids have): nothing else is put in a link.
	 */
	private static String demoLink(PatternDocument document) {
		if (document.attributes().get("demo") instanceof String demo && PatternIds.isValid(demo)) {
			return "<span><a href=\"" + DEMO_COMPARISON.formatted(demo) + "\">measured live: " + demo
					+ "</a> (every variant run many times while you wait: up to about 15 s)</span>";
		}
		return "";
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
