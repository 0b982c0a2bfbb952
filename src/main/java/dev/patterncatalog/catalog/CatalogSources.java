package dev.patterncatalog.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads catalog files: the built-in ones from the classpath, and those of a folder. All
 * of this blocks on I/O.
 */
final class CatalogSources {

	/**
	 * Only this application's own classpath root: scanning every jar for the folder slows
	 * startup for nothing.
	 */
	static final String BUILTIN_PATTERN = "classpath:patterns/**/*.md";

	/** A pattern document is prose; anything larger is a mistake, not a document. */
	static final int MAX_FILE_BYTES = 1024 * 1024;

	private CatalogSources() {
	}

	static List<SourceFile> builtin(ResourcePatternResolver resolver) {
		try {
			List<SourceFile> files = new ArrayList<>();
			for (Resource resource : resolver.getResources(BUILTIN_PATTERN)) {
				String url = resource.getURL().toString();
				String origin = "classpath:" + url.substring(url.lastIndexOf("/patterns/") + 1);
				try (InputStream in = resource.getInputStream()) {
					files.add(read(origin, in.readNBytes(MAX_FILE_BYTES + 1), true));
				}
			}
			return files;
		}
		catch (IOException ex) {
			throw new IllegalStateException("the built-in catalog cannot be read", ex);
		}
	}

	/**
	 * The documents of a listing, each read when a build comes to it.
	 */
	static List<CatalogBuilder.Source> sources(Listing listing) {
		return listing.documents()
			.entrySet()
			.stream()
			.map((document) -> new CatalogBuilder.Source(document.getKey().toUri().toString(), false,
					document.getValue(), () -> read(document.getKey())))
			.toList();
	}

	/**
	 * Lists the {@code .md} files of a folder and its subfolders with their size and
	 * time. The folder is a boundary: hidden files and directories are passed over, and
	 * symbolic links are refused with a problem rather than followed.
	 */
	static Listing list(Path root) {
		Path real;
		try {
			// the folder itself may be a link, as a deployment's current release often is
			real = root.toRealPath();
		}
		catch (IOException ex) {
			return Listing.missing(root);
		}
		if (!Files.isDirectory(real)) {
			return Listing.missing(root);
		}
		Map<Path, Stamp> documents = new HashMap<>();
		List<CatalogProblem> problems = new ArrayList<>();
		try {
			Files.walkFileTree(real, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					return (!dir.equals(real) && isHidden(dir)) ? FileVisitResult.SKIP_SUBTREE
							: FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path found, BasicFileAttributes attributes) {
					if (isHidden(found)) {
						return FileVisitResult.CONTINUE;
					}
					// named as under the configured folder, link or not
					Path file = root.resolve(real.relativize(found));
					if (attributes.isSymbolicLink()) {
						problems.add(CatalogProblem.error(file.toUri().toString(), null,
								"symbolic link refused: the catalog reads only files inside its folder"));
					}
					else if (attributes.isRegularFile() && isMarkdown(file)) {
						documents.put(file, new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis()));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					// gone while the folder was read: the next change reads it again
					if (!(ex instanceof NoSuchFileException)) {
						problems.add(CatalogProblem.error(file.toUri().toString(), null, "unreadable: " + ex));
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			problems.add(CatalogProblem.error(root.toUri().toString(), null, "catalog folder unreadable: " + ex));
		}
		return new Listing(true, Map.copyOf(documents), List.copyOf(problems));
	}

	static boolean isHidden(Path path) {
		Path name = path.getFileName();
		return name != null && name.toString().startsWith(".");
	}

	private static boolean isMarkdown(Path path) {
		return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
	}

	/**
	 * A document's size and time of last change: what tells a reload whether it changed,
	 * and whether it is still being written.
	 */
	record Stamp(long size, long modifiedMillis) {
	}

	/**
	 * What a folder holds for the catalog, or that it is not there.
	 *
	 * @param present whether the folder exists
	 * @param documents each document's path with its stamp
	 * @param problems what was refused or could not be read
	 */
	record Listing(boolean present, Map<Path, Stamp> documents, List<CatalogProblem> problems) {

		static Listing missing(Path root) {
			return new Listing(false, Map.of(),
					List.of(CatalogProblem.error(root.toUri().toString(), null, "catalog location is not a folder")));
		}

	}

	private static SourceFile read(Path path) {
		String origin = path.toUri().toString();
		// a file swapped for a link since it was listed is not followed either
		try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
			return read(origin, in.readNBytes(MAX_FILE_BYTES + 1), false);
		}
		catch (IOException ex) {
			return SourceFile.unreadable(origin, ex.toString());
		}
	}

	private static SourceFile read(String origin, byte[] bytes, boolean builtin) {
		if (bytes.length > MAX_FILE_BYTES) {
			return SourceFile.unreadable(origin, "larger than " + MAX_FILE_BYTES + " bytes");
		}
		try {
			String content = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return SourceFile.of(origin, content, builtin);
		}
		catch (CharacterCodingException ex) {
			return SourceFile.unreadable(origin, "not valid UTF-8 text");
		}
	}

}
