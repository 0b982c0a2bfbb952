package dev.patterncatalog.catalog;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The catalog being served. It is loaded at startup, on a thread of its own while the
 * rest of the application is built, and, when a catalog folder is configured, rebuilt
 * whenever that folder changes: the new version is built off the event loop and then
 * replaces the old one in one step.
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

	private final Sinks.Many<Path> changes = Sinks.many().unicast().onBackpressureBuffer();

	private volatile @Nullable WatchService watchService;

	private volatile @Nullable Disposable reloading;

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
		Catalog initial = build(null);
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
	 * Rebuilds the catalog from its sources and serves the result. Blocks on file I/O.
	 * @return the new version
	 */
	synchronized Catalog reload() {
		Catalog previous = current();
		Catalog next = build(previous);
		if (!next.version().equals(previous.version())) {
			this.current.set(next);
			this.versions.tryEmitNext(next);
			logger.info("Catalog " + next.version() + " reloaded: " + next.documents().size() + " documents, "
					+ next.problems().size() + " problems");
		}
		return next;
	}

	private Catalog build(@Nullable Catalog previous) {
		List<CatalogProblem> problems = new ArrayList<>();
		List<SourceFile> files = new ArrayList<>(this.builtin);
		if (this.folder != null) {
			files.addAll(CatalogSources.folder(this.folder, problems));
		}
		return this.builder.build(files, problems, previous);
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
		if (root == null || !this.properties.watch() || !Files.isDirectory(root)) {
			return;
		}
		try {
			WatchService service = FileSystems.getDefault().newWatchService();
			registerTree(service, root);
			this.watchService = service;
			Thread watcher = new Thread(() -> watch(service), "catalog-watcher");
			watcher.setDaemon(true);
			watcher.start();
		}
		catch (IOException ex) {
			logger.warn("Cannot watch " + root + "; changes need a restart", ex);
			return;
		}
		this.reloading = this.changes.asFlux()
			.sampleTimeout((change) -> Mono.delay(this.properties.reloadDebounce()))
			.concatMap((change) -> Mono.fromCallable(this::reload)
				// reading the folder blocks: never on an event-loop thread
				.subscribeOn(Schedulers.boundedElastic())
				.timeout(this.properties.reloadTimeout())
				.onErrorResume((ex) -> {
					logger.error("Catalog reload failed; still serving " + current().version(), ex);
					return Mono.empty();
				}))
			.subscribe();
		logger.info("Watching " + root + " for catalog changes");
	}

	private void watch(WatchService service) {
		try {
			while (true) {
				WatchKey key = service.take();
				for (WatchEvent<?> event : key.pollEvents()) {
					if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path dir
							&& event.context() instanceof Path name && Files.isDirectory(dir.resolve(name))) {
						registerTree(service, dir.resolve(name));
					}
				}
				key.reset();
				this.changes.tryEmitNext((Path) key.watchable());
			}
		}
		catch (ClosedWatchServiceException | InterruptedException ex) {
			// stopped
		}
		catch (IOException ex) {
			logger.warn("Stopped watching the catalog folder; changes need a restart", ex);
		}
	}

	private static void registerTree(WatchService service, Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path dir : paths.filter(Files::isDirectory).toList()) {
				dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
						StandardWatchEventKinds.ENTRY_MODIFY);
			}
		}
	}

	@Override
	public void stop() {
		Disposable subscription = this.reloading;
		if (subscription != null) {
			subscription.dispose();
		}
		WatchService service = this.watchService;
		if (service != null) {
			try {
				service.close();
			}
			catch (IOException ex) {
				logger.debug("Closing the watch service failed", ex);
			}
		}
		this.watchService = null;
		this.reloading = null;
	}

	@Override
	public boolean isRunning() {
		return this.watchService != null;
	}

}
