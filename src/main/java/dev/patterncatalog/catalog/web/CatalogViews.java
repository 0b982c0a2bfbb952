package dev.patterncatalog.catalog.web;

import java.util.concurrent.atomic.AtomicReference;

import dev.patterncatalog.catalog.Catalog;
import dev.patterncatalog.catalog.LiveCatalog;
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

	@Override
	public void destroy() {
		this.subscription.dispose();
	}

}
