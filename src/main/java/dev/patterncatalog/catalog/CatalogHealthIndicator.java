package dev.patterncatalog.catalog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The catalog's part of health, and of readiness: up once a catalog with documents is
 * loaded, with its version and how many problems were found while loading it (listed,
 * with their files, by {@code /api/catalog/problems}: health is public), and whether it
 * is stale: a catalog folder that is missing or could not be reloaded leaves the last
 * good catalog served (still up, still ready), and says so here and in the metric
 * {@code catalog.stale}.
 */
@Component("catalogHealthIndicator")
class CatalogHealthIndicator implements ReactiveHealthIndicator, MeterBinder {

	private final LiveCatalog catalog;

	CatalogHealthIndicator(LiveCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Mono<Health> health() {
		Catalog current = this.catalog.current();
		LiveCatalog.Freshness freshness = this.catalog.freshness();
		Health.Builder health = current.documents().isEmpty() ? Health.outOfService() : Health.up();
		health.withDetail("version", current.version())
			.withDetail("documents", current.documents().size())
			.withDetail("problems", current.problems().size())
			.withDetail("watching", freshness.watching())
			.withDetail("stale", freshness.stale());
		if (freshness.since() != null) {
			health.withDetail(freshness.stale() ? "staleSince" : "reloadedAt", freshness.since().toString());
		}
		if (freshness.reason() != null) {
			health.withDetail("staleReason", freshness.reason());
		}
		return Mono.just(health.build());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("catalog.stale", this.catalog, (live) -> live.freshness().stale() ? 1 : 0)
			.description("1 while the catalog served is not the catalog folder's latest: see health for why")
			.register(registry);
	}

}
