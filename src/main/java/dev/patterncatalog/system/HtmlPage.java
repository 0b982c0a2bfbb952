package dev.patterncatalog.system;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The one look of the service's HTML pages (a catalog document, a lab comparison): a
 * standalone page, readable without scripts or anything fetched besides it.
 */
public final class HtmlPage {

	/** What every page is answered as: HTML, in the UTF-8 its head declares. */
	public static final MediaType MEDIA_TYPE = new MediaType("text", "html", StandardCharsets.UTF_8);

	private static final String SHELL = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<title>%s</title>
			<style>
			body { font: 16px/1.55 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
			code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .92em; }
			.meta { color: #555; font-size: .9rem; border-bottom: 1px solid #ddd; padding-bottom: .6rem; }
			%s</style>
			</head>
			<body>
			%s</body>
			</html>
			""";

	private HtmlPage() {
	}

	/**
	 * A whole page.
	 * @param title the page's title, as text: it is escaped here
	 * @param style the page's own CSS rules, after the shared ones
	 * @param body the page's body, as HTML: whatever came from outside must be escaped
	 * already
	 */
	public static String render(String title, String style, String body) {
		return SHELL.formatted(escape(title), style, body);
	}

	/**
	 * Text made safe to put in an HTML element or a quoted attribute: markup characters
	 * become references, the rest stays as written (the page is UTF-8).
	 */
	public static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
