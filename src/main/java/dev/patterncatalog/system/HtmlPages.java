package dev.patterncatalog.system;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The service's HTML pages (a catalog document, a lab comparison), from the Mustache
 * templates in {@code templates/}, which escape every value unless a template asks for
 * HTML with triple braces. The templates are read and compiled once, when the service
 * starts: a page is rendered on an event loop, which must not wait for a file.
 */
@Component
public final class HtmlPages {

	/** What every page is answered as: HTML, in the UTF-8 its head declares. */
	public static final MediaType MEDIA_TYPE = new MediaType("text", "html", StandardCharsets.UTF_8);

	private static final String LOCATION = "classpath:templates/";

	private static final String SUFFIX = ".mustache";

	private final Map<String, Template> templates = new HashMap<>();

	public HtmlPages(Mustache.Compiler compiler) {
		Map<String, String> sources = read();
		// partials ({{> head}}) come from what was read, not from the class path
		Mustache.Compiler fromMemory = compiler.withLoader((name) -> new StringReader(sources.get(name)));
		sources.forEach((name, source) -> this.templates.put(name, fromMemory.compile(source)));
	}

	/** As Spring Boot's compiler would render them, for tests without a context. */
	public static HtmlPages standalone() {
		return new HtmlPages(Mustache.compiler());
	}

	/**
	 * @param template the template's name, without its suffix
	 * @param model what its tags name, by their names (record components do)
	 */
	public String render(String template, Object model) {
		Template compiled = this.templates.get(template);
		if (compiled == null) {
			throw new IllegalArgumentException("no template " + template + SUFFIX + " in " + LOCATION);
		}
		return compiled.execute(model);
	}

	private static Map<String, String> read() {
		try {
			Map<String, String> sources = new HashMap<>();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION + "*" + SUFFIX)) {
				String name = resource.getFilename();
				sources.put(name.substring(0, name.length() - SUFFIX.length()),
						resource.getContentAsString(StandardCharsets.UTF_8));
			}
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
