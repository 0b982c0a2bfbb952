package dev.patterncatalog.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The catalog being served. It is loaded at startup, on a thread of its own while the
 * rest of the application is built, and, when a catalog folder is configured, rebuilt
 * whenever that folder changes: the new version is built on a thread of its own, once the
 * files have stopped changing, and then replaces the old one in one step.
 */
@Component
public final class LiveCatalog implements SmartLifecycle, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(LiveCatalog.class);

	private final CatalogProperties properties;

	private final List<SourceFile> builtin;

	private final @Nullable Path folder;

	private final CatalogBuilder builder = new CatalogBuilder(Clock.systemUTC());

	private final AtomicReference<@Nullable Catalog> current = new AtomicReference<>();

	private final CompletableFuture<Catalog> initial;

	private final Sinks.Many<Catalog> versions = Sinks.many().replay().latest();

	/** The version served before the current one, until the next reload releases it. */
	private @Nullable Catalog retiring;

	/** Something in the folder may have changed since the last check. */
	private final AtomicBoolean dirty = new AtomicBoolean();

	private volatile Freshness freshness = Freshness.OFF;

	private volatile @Nullable FolderWatcher watcher;

	private volatile @Nullable ScheduledExecutorService reloader;

	/** The listing the catalog served was read from (reloader's thread). */
	private volatile CatalogSources.@Nullable Listing loaded;

	/** The listing of the last check (reloader's thread). */
	private volatile CatalogSources.@Nullable Listing seen;

	LiveCatalog(CatalogProperties properties, ResourcePatternResolver resolver) {
		this.properties = properties;
		this.builtin = properties.includeBuiltin() ? CatalogSources.builtin(resolver) : List.of();
		this.folder = folderOf(properties.location());
		// parsed while the rest of the application is built; the server starts only once
		// it is loaded (afterSingletonsInstantiated)
		this.initial = CompletableFuture.supplyAsync(this::load, (task) -> {
			Thread loader = new Thread(task, "catalog-loader");
			loader.setDaemon(true);
			loader.start();
		}).orTimeout(properties.reloadTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	private Catalog load() {
		long start = System.nanoTime();
		CatalogSources.Listing listing = (this.folder != null) ? CatalogSources.list(this.folder) : null;
		// what a change is measured against: taken before reading, so a change made while
		// the first load reads is one
		this.loaded = listing;
		this.seen = listing;
		Catalog initial = build(listing, null);
		if (this.properties.strict() && !initial.problems().isEmpty()) {
			throw new CatalogInvalid(initial.problems());
		}
		initial.problems().forEach((problem) -> logger.warn("Catalog problem: " + problem));
		logger.info("Catalog " + initial.version() + " loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms: "
				+ initial.documents().size() + " documents, " + initial.problems().size() + " problems");
		this.current.set(initial);
		this.versions.tryEmitNext(initial);
		return initial;
	}

	/**
	 * Waits for the first load: the application does not start without a catalog, nor in
	 * strict mode with a catalog that has problems.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		current();
	}

	/**
	 * The catalog version being served now. Until the first load has ended, which only
	 * happens while the application starts, waits for it.
	 * @throws CatalogInvalid if the first load found problems in strict mode
	 * @throws IllegalStateException if the first load took longer than
	 * {@code catalog.reload-timeout}
	 */
	public Catalog current() {
		Catalog catalog = this.current.get();
		if (catalog != null) {
			return catalog;
		}
		try {
			return this.initial.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof TimeoutException) {
				throw new IllegalStateException(
						"The catalog was not loaded within catalog.reload-timeout=" + this.properties.reloadTimeout());
			}
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/**
	 * Every catalog version from now on, starting with the current one.
	 */
	public Flux<Catalog> versions() {
		return this.versions.asFlux();
	}

	/**
	 * Whether the catalog served is the folder's latest, and how the folder is watched.
	 */
	public Freshness freshness() {
		return this.freshness;
	}

	/**
	 * Rebuilds the catalog from the folder's files as {@code listing} found them, and
	 * serves the result. Blocks on file I/O.
	 * @return the version served now
	 */
	private synchronized Catalog reload(CatalogSources.@Nullable Listing listing) {
		long start = System.nanoTime();
		Catalog previous = current();
		Catalog next = build(listing, previous);
		if (next.version().equals(previous.version())) {
			next.release();
			return previous;
		}
		this.current.set(next);
		this.versions.tryEmitNext(next);
		// the version before the previous one: a request that took the previous one just
		// before the swap still finds its index
		Catalog retired = this.retiring;
		this.retiring = previous;
		if (retired != null) {
			retired.release();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		logger.info("Catalog " + next.version() + " reloaded: " + next.documents().size() + " documents, "
				+ next.problems().size() + " problems, in " + took.toMillis() + " ms");
		if (took.compareTo(this.properties.reloadTimeout()) > 0) {
			logger.warn("Catalog reload took more than catalog.reload-timeout = " + this.properties.reloadTimeout());
		}
		return next;
	}

	private Catalog build(CatalogSources.@Nullable Listing listing, @Nullable Catalog previous) {
		List<CatalogProblem> problems = new ArrayList<>();
		List<CatalogBuilder.Source> sources = new ArrayList<>();
		this.builtin.forEach((file) -> sources.add(CatalogBuilder.Source.of(file)));
		if (listing != null) {
			problems.addAll(listing.problems());
			sources.addAll(CatalogSources.sources(listing));
		}
		return this.builder.buildFrom(sources, problems, previous);
	}

	private static @Nullable Path folderOf(@Nullable String location) {
		if (location == null || location.isBlank()) {
			return null;
		}
		String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
		return Path.of(path).toAbsolutePath().normalize();
	}

	@Override
	public void start() {
		Path root = this.folder;
		if (root == null || !this.properties.watch()) {
			return;
		}
		ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "catalog-reloader");
			thread.setDaemon(true);
			return thread;
		});
		this.reloader = reloader;
		long debounce = this.properties.reloadDebounce().toMillis();
		reloader.scheduleWithFixedDelay(this::check, debounce, debounce, TimeUnit.MILLISECONDS);
		try {
			this.watcher = FolderWatcher.start(root, () -> this.dirty.set(true), this::watchingFailed);
			this.freshness = this.freshness.watching(Freshness.EVENTS);
			logger.info("Watching " + root + " for catalog changes");
		}
		catch (IOException | RuntimeException ex) {
			watchingFailed(ex);
		}
	}

	private void watchingFailed(Exception ex) {
		this.watcher = null;
		this.freshness = this.freshness.watching(Freshness.RESCANS);
		logger.warn("Cannot watch " + this.folder + " for changes; rescanning it every "
				+ this.properties.reloadDebounce().toMillis() + " ms instead", ex);
	}

	/**
	 * On the reloader's thread, every debounce: once something changed, waits until the
	 * folder's listing is the same two checks in a row (nothing is being written), then
	 * reloads. A change during a reload is found by the next check, so changes coalesce
	 * and none is lost; a folder gone keeps the last catalog served until it returns.
	 */
	private void check() {
		Path root = this.folder;
		try {
			boolean rescanning = this.watcher == null;
			if (root == null || (!this.dirty.get() && !rescanning)) {
				return;
			}
			this.dirty.set(false);
			CatalogSources.Listing now = CatalogSources.list(root);
			if (now.equals(this.loaded)) {
				this.seen = now;
				return;
			}
			if (!now.equals(this.seen)) {
				// still changing: look again after a quiet debounce
				this.seen = now;
				this.dirty.set(true);
				return;
			}
			if (!now.present()) {
				this.loaded = now;
				// health is public: the reason names the setting, not the path
				stale("the catalog folder (catalog.location) is missing: serving catalog " + current().version()
						+ " until it returns");
				return;
			}
			reload(now);
			this.loaded = now;
			this.freshness = this.freshness.fresh(Instant.now());
		}
		catch (RuntimeException | Error ex) {
			// the next change tries again; meanwhile health says what is served and why
			stale("the last reload failed (" + ex.getClass().getSimpleName() + ", logged): serving catalog "
					+ current().version());
			logger.error("Catalog reload failed; still serving " + current().version(), ex);
			if (ex instanceof VirtualMachineError fatal) {
				throw fatal;
			}
		}
	}

	private void stale(String reason) {
		if (!this.freshness.stale()) {
			logger.warn("Catalog stale: " + reason);
		}
		this.freshness = this.freshness.stale(reason, Instant.now());
	}

	@Override
	public void stop() {
		FolderWatcher watching = this.watcher;
		if (watching != null) {
			watching.close();
		}
		ScheduledExecutorService reloading = this.reloader;
		if (reloading != null) {
			reloading.shutdownNow();
		}
		this.watcher = null;
		this.reloader = null;
	}

	@Override
	public boolean isRunning() {
		return this.reloader != null;
	}

	/**
	 * Whether the catalog served is the folder's latest.
	 *
	 * @param watching {@code events} (the file system says what changes), {@code rescans}
	 * (watching failed: the folder is listed every debounce), or {@code off} (no folder,
	 * or watching disabled)
	 * @param stale whether the folder holds something the catalog does not serve: it is
	 * missing, or the last reload failed
	 * @param since when it became stale, or when the last reload succeeded
	 * @param reason why it is stale
	 */
	public record Freshness(String watching, boolean stale, @Nullable Instant since, @Nullable String reason) {

		static final String EVENTS = "events";

		static final String RESCANS = "rescans";

		static final Freshness OFF = new Freshness("off", false, null, null);

		Freshness watching(String how) {
			return new Freshness(how, this.stale, this.since, this.reason);
		}

		Freshness stale(String why, Instant now) {
			return new Freshness(this.watching, true, this.stale ? this.since : now, why);
		}

		Freshness fresh(Instant now) {
			return new Freshness(this.watching, false, now, null);
		}

	}

}
