package dev.patterncatalog.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Builds a catalog version from source files: parses each, leaves out broken documents
 * (or keeps their last good version), resolves duplicate ids and flags related links that
 * lead nowhere.
 */
final class CatalogBuilder {

	/** A run of the characters ids are made of, as PatternIds spells them. */
	private static final Pattern ID_TOKEN = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	/** How many files are read and parsed ahead of the build: bounds what they hold. */
	private static final int READ_AHEAD = 64;

	/**
	 * Parsing is most of a large catalog's load: on every core, threads that end when
	 * idle.
	 */
	private static final ThreadPoolExecutor PARSERS = parsers(Runtime.getRuntime().availableProcessors());

	private final DocumentParser parser = new DocumentParser();

	private final Clock clock;

	private final SearchIndex.Indexer indexer = new SearchIndex.Indexer();

	/**
	 * What each file of the last build parsed to: a reload parses only the files whose
	 * text changed. Holds the current files only.
	 */
	private Map<String, Parsed> parsed = Map.of();

	CatalogBuilder(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param files the files, in any order
	 * @param problems problems found before parsing, such as a missing folder
	 * @param previous the version this one replaces, whose documents stand in for files
	 * that broke since
	 */
	Catalog build(List<SourceFile> files, List<CatalogProblem> problems, @Nullable Catalog previous) {
		return buildFrom(files.stream().map(Source::of).toList(), problems, previous);
	}

	/**
	 * As {@link #build}, reading each source only when its turn comes.
	 */
	synchronized Catalog buildFrom(List<Source> sources, List<CatalogProblem> problems, @Nullable Catalog previous) {
		List<CatalogProblem> found = new ArrayList<>(problems);
		Map<String, PatternDocument> byId = new LinkedHashMap<>();
		Map<String, Boolean> builtinById = new LinkedHashMap<>();
		// files of the folder first, so that they override built-in documents of the same
		// id
		List<Source> ordered = sources.stream()
			.sorted(Comparator.comparing(Source::builtin).thenComparing(Source::origin))
			.toList();
		Map<String, Parsed> parsedNow = new HashMap<>();
		this.indexer.begin();
		Map<String, Parsed> parsedBefore = this.parsed;
		// files read and parsed ahead on threads of their own, a window of them at once,
		// and taken in order here
		Deque<Future<Read>> ahead = new ArrayDeque<>();
		Iterator<Source> toRead = ordered.iterator();
		for (int taken = 0; taken < ordered.size(); taken++) {
			while (toRead.hasNext() && ahead.size() < READ_AHEAD) {
				Source next = toRead.next();
				ahead.add(PARSERS.submit(() -> read(next, parsedBefore.get(next.origin()))));
			}
			Read read = taken(ahead.poll());
			Source source = read.source();
			String origin = source.origin();
			PatternDocument document;
			int idLine = 1;
			DocumentParser.Result result = (read.parsed() != null) ? read.parsed().result() : null;
			PatternDocument.Content content = read.content();
			if (read.parsed() != null) {
				parsedNow.put(origin, read.parsed());
			}
			else {
				found.add(CatalogProblem.error(origin, null, "unreadable: " + read.unreadable()));
			}
			if (result == null) {
				document = lastGood(origin, previous, found);
			}
			else {
				found.addAll(result.problems());
				document = result.hasErrors() ? lastGood(origin, previous, found) : result.document();
				idLine = result.idLine();
			}
			if (document == null) {
				continue;
			}
			PatternDocument existing = byId.get(document.id());
			if (existing == null) {
				byId.put(document.id(), document);
				this.indexer.put(document, (result != null && document == result.document()) ? content : null);
				builtinById.put(document.id(), source.builtin());
			}
			else if (!(source.builtin() && !builtinById.get(document.id()))) {
				found.add(CatalogProblem.error(origin, idLine, "duplicate id '" + document.id()
						+ "': already defined in " + existing.origin() + "; this document is left out"));
			}
		}
		for (PatternDocument document : byId.values()) {
			Map<String, Integer> lines = null;
			for (PatternDocument.RelatedLink link : document.related()) {
				if (!byId.containsKey(link.id())) {
					if (lines == null) {
						lines = lastLineOfEachId(document.markdown());
					}
					found.add(CatalogProblem.warning(document.origin(), lines.get(link.id()),
							"related pattern '" + link.id() + "' does not exist"));
				}
			}
		}
		this.parsed = parsedNow;
		return new Catalog(byId.values(), found, digest(byId.values(), found, parsedNow), this.clock.instant(),
				this.indexer.commit());
	}

	/**
	 * A file to build from, read when its turn comes, so that a large folder's text is
	 * not held all at once.
	 */
	record Source(String origin, boolean builtin, @Nullable Object stamp, Supplier<SourceFile> read) {

		static Source of(SourceFile file) {
			return new Source(file.origin(), file.builtin(), null, () -> file);
		}

	}

	/**
	 * Reads and parses one source, unless its stamp or its text says it is unchanged
	 * since {@code last}. Runs on a parser thread.
	 */
	private Read read(Source source, @Nullable Parsed last) {
		if (last != null && source.stamp() != null && source.stamp().equals(last.stamp())) {
			// the same size and time as at the last build: not even read again
			return new Read(source, last, null, null);
		}
		SourceFile file = source.read().get();
		if (file.content() == null) {
			return new Read(source, null, null, file.unreadable());
		}
		byte[] digest = sha256(file.content().getBytes(StandardCharsets.UTF_8));
		if (last != null && Arrays.equals(last.digest(), digest)) {
			return new Read(source, new Parsed(source.stamp(), digest, last.result()), null, null);
		}
		DocumentParser.Result result = this.parser.parse(source.origin(), file.content());
		return new Read(source, new Parsed(source.stamp(), digest, result.withoutContent()), result.content(), null);
	}

	private static ThreadPoolExecutor parsers(int threads) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "catalog-parser");
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	private static Read taken(@Nullable Future<Read> read) {
		try {
			return read.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while building the catalog", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * A source read: its parse, the sections parsed just now (for the index), or why it
	 * could not be read.
	 */
	private record Read(Source source, @Nullable Parsed parsed, PatternDocument.@Nullable Content content,
			@Nullable String unreadable) {
	}

	/**
	 * A file's parse, and the digest of the text it was parsed from: a digest rather than
	 * the text, which a large catalog would hold twice.
	 */
	private record Parsed(@Nullable Object stamp, byte[] digest, DocumentParser.Result result) {
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	private static @Nullable PatternDocument lastGood(String origin, @Nullable Catalog previous,
			List<CatalogProblem> found) {
		PatternDocument document = (previous != null) ? previous.loadedFrom(origin).orElse(null) : null;
		if (document != null) {
			found.add(CatalogProblem.warning(origin, null,
					"serving the last good version of '" + document.id() + "' until the errors above are fixed"));
		}
		return document;
	}

	/**
	 * The last line on which each id-like token appears, whole ({@code missing-1} is not
	 * found in {@code missing-1999}): one pass over the text, however many links it has.
	 */
	private static Map<String, Integer> lastLineOfEachId(String markdown) {
		Map<String, Integer> lines = new HashMap<>();
		int line = 0;
		for (String text : (Iterable<String>) markdown.lines()::iterator) {
			line++;
			Matcher token = ID_TOKEN.matcher(text);
			while (token.find()) {
				lines.put(token.group(), line);
			}
		}
		return lines;
	}

	/**
	 * A digest of the documents and problems, from each file's digest where the document
	 * is that file's parse: a reload does not hash the whole catalog's text again.
	 */
	private static String digest(Iterable<PatternDocument> documents, List<CatalogProblem> problems,
			Map<String, Parsed> parsed) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (PatternDocument document : documents) {
				Parsed file = parsed.get(document.origin());
				sha.update((document.origin() + "\n").getBytes(StandardCharsets.UTF_8));
				sha.update((file != null && file.result().document() == document) ? file.digest()
						: sha256(document.utf8()));
			}
			problems.forEach((p) -> sha.update((p + "\n").getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(sha.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
