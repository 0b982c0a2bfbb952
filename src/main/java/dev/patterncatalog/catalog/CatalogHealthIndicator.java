package dev.patterncatalog.catalog;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The catalog's part of health, and of readiness: up once a catalog with documents is
 * loaded, with its version and the problems found while loading it.
 */
@Component("catalogHealthIndicator")
class CatalogHealthIndicator implements ReactiveHealthIndicator {

	private static final int LISTED_PROBLEMS = 20;

	private final LiveCatalog catalog;

	CatalogHealthIndicator(LiveCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Mono<Health> health() {
		Catalog current = this.catalog.current();
		List<String> problems = current.problems()
			.stream()
			.limit(LISTED_PROBLEMS)
			.map(CatalogProblem::toString)
			.toList();
		Health.Builder health = current.documents().isEmpty() ? Health.outOfService() : Health.up();
		return Mono.just(health.withDetail("version", current.version())
			.withDetail("documents", current.documents().size())
			.withDetail("problems", current.problems().size())
			.withDetail("firstProblems", problems)
			.build());
	}

}
