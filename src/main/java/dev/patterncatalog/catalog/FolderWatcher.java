package dev.patterncatalog.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * Tells when something in the catalog folder may have changed, through what file systems
 * do: directories that come and go (each is watched once it appears; one gone before it
 * could be watched is only a change), the folder itself deleted and recreated (its parent
 * is watched for it), lost events (an overflow is a change). What changed is for the
 * caller to find out. If watching fails anyway, it says so once and stops, and the caller
 * rescans instead.
 */
final class FolderWatcher implements Closeable {

	private final Path folder;

	private final Runnable changed;

	private final Consumer<RuntimeException> failed;

	private final WatchService service;

	private FolderWatcher(Path folder, Runnable changed, Consumer<RuntimeException> failed) throws IOException {
		this.folder = folder;
		this.changed = changed;
		this.failed = failed;
		this.service = FileSystems.getDefault().newWatchService();
	}

	/**
	 * Watches {@code folder}, which need not exist, and its parent, which must.
	 * @param changed called on the watcher's thread after each change
	 * @param failed called once if watching stops for any reason but {@link #close}
	 * @throws IOException if the folder's parent cannot be watched
	 */
	static FolderWatcher start(Path folder, Runnable changed, Consumer<RuntimeException> failed) throws IOException {
		FolderWatcher watcher = new FolderWatcher(folder, changed, failed);
		try {
			watcher.folder.getParent()
				.register(watcher.service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
			watcher.registerTree(folder);
		}
		catch (IOException | UncheckedIOException ex) {
			watcher.close();
			throw (ex instanceof UncheckedIOException unchecked) ? unchecked.getCause() : (IOException) ex;
		}
		Thread thread = new Thread(watcher::watch, "catalog-watcher");
		thread.setDaemon(true);
		thread.start();
		return watcher;
	}

	private void watch() {
		try {
			while (true) {
				WatchKey key = this.service.take();
				Path dir = (Path) key.watchable();
				boolean inParent = dir.equals(this.folder.getParent());
				boolean change = false;
				for (WatchEvent<?> event : key.pollEvents()) {
					if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
						change = true;
						continue;
					}
					Path child = dir.resolve((Path) event.context());
					if (inParent && !child.equals(this.folder)) {
						// a sibling of the folder
						continue;
					}
					if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
						registerTree(child);
					}
					change = true;
				}
				// false once the directory is gone: then there is nothing left to watch
				// there
				key.reset();
				if (change) {
					this.changed.run();
				}
			}
		}
		catch (ClosedWatchServiceException | InterruptedException ex) {
			// closed
		}
		catch (RuntimeException ex) {
			close();
			this.failed.accept(ex);
		}
	}

	/**
	 * Watches a directory and those below it, except hidden ones; symbolic links are not
	 * followed. What vanishes meanwhile needs no watching.
	 */
	private void registerTree(Path root) {
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
					// hidden ones too when created later; not the folder, whatever its
					// name
					if (!dir.equals(FolderWatcher.this.folder) && CatalogSources.isHidden(dir)) {
						return FileVisitResult.SKIP_SUBTREE;
					}
					try {
						dir.register(FolderWatcher.this.service, StandardWatchEventKinds.ENTRY_CREATE,
								StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
					}
					catch (NoSuchFileException | NotDirectoryException ex) {
						return FileVisitResult.SKIP_SUBTREE;
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
					if (ex instanceof NoSuchFileException) {
						return FileVisitResult.CONTINUE;
					}
					throw ex;
				}

			});
		}
		catch (NoSuchFileException ex) {
			// gone already
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.service.close();
		}
		catch (IOException ex) {
			// nothing more to release
		}
	}

}
