package dev.patterncatalog.catalog.web;

import java.util.concurrent.atomic.AtomicReference;

import dev.patterncatalog.catalog.Catalog;
import dev.patterncatalog.catalog.LiveCatalog;
import dev.patterncatalog.catalog.PatternIds;
import dev.patterncatalog.system.InvalidParameter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The prepared responses of the catalog version being served. Each new version is
 * prepared on the thread that built it (never an event-loop thread) before it replaces
 * the previous one, so a request always sees one whole version.
 */
@Component
class CatalogViews implements DisposableBean {

	private static final Log logger = LogFactory.getLog(CatalogViews.class);

	private final AtomicReference<PreparedCatalog> current = new AtomicReference<>();

	private final Disposable subscription;

	CatalogViews(LiveCatalog catalog, JsonMapper json, PreparedLimits limits, PatternHtml pages) {
		this.subscription = catalog.versions().subscribe((version) -> prepare(version, json, limits, pages));
	}

	private void prepare(Catalog version, JsonMapper json, PreparedLimits limits, PatternHtml pages) {
		try {
			this.current.set(new PreparedCatalog(version, json, limits, pages));
		}
		catch (RuntimeException ex) {
			logger.error("Could not prepare catalog " + version.version() + "; still serving the previous one", ex);
		}
	}

	PreparedCatalog current() {
		return this.current.get();
	}

	/**
	 * The document of this id in the version being served.
	 * @throws PatternNotFound (404) if there is none
	 * @throws InvalidParameter (400) if {@code id} is not of an id's form
	 */
	PreparedCatalog.Pattern pattern(String id) {
		// the catalog took only well-formed ids, so only a miss needs its form checked:
		// 400 for nonsense, else 404
		return current().pattern(id)
			.orElseThrow(() -> PatternIds.isValid(id) ? new PatternNotFound(id)
					: new InvalidParameter("id", "'" + id
							+ "' is not a pattern id: ids are lowercase words of letters and digits joined by '-',"
							+ " at most " + PatternIds.MAX_LENGTH + " characters."));
	}

	@Override
	public void destroy() {
		this.subscription.dispose();
	}

}
