package dev.patterncatalog.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
	 * Reads the {@code .md} files of a folder and its subfolders, skipping hidden files.
	 */
	static List<SourceFile> folder(Path root, List<CatalogProblem> problems) {
		if (!Files.isDirectory(root)) {
			problems.add(CatalogProblem.error(root.toUri().toString(), null, "catalog location is not a folder"));
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(CatalogSources::isDocument).sorted().map(CatalogSources::read).toList();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			problems.add(CatalogProblem.error(root.toUri().toString(), null, "catalog folder unreadable: " + ex));
			return List.of();
		}
	}

	static boolean isDocument(Path path) {
		String name = path.getFileName().toString();
		return name.toLowerCase(Locale.ROOT).endsWith(".md") && !name.startsWith(".") && Files.isRegularFile(path);
	}

	private static SourceFile read(Path path) {
		String origin = path.toUri().toString();
		try (InputStream in = Files.newInputStream(path)) {
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
