package dev.patterncatalog.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Builds a catalog version from source files: parses each, leaves out broken documents
 * (or keeps their last good version), resolves duplicate ids and flags related links that
 * lead nowhere.
 */
final class CatalogBuilder {

	private final DocumentParser parser = new DocumentParser();

	private final Clock clock;

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
		List<CatalogProblem> found = new ArrayList<>(problems);
		Map<String, PatternDocument> byId = new LinkedHashMap<>();
		Map<String, Boolean> builtinById = new LinkedHashMap<>();
		// files of the folder first, so that they override built-in documents of the same
		// id
		List<SourceFile> ordered = files.stream()
			.sorted(Comparator.comparing(SourceFile::builtin).thenComparing(SourceFile::origin))
			.toList();
		for (SourceFile file : ordered) {
			PatternDocument document;
			int idLine = 1;
			if (file.content() == null) {
				found.add(CatalogProblem.error(file.origin(), null, "unreadable: " + file.unreadable()));
				document = lastGood(file.origin(), previous, found);
			}
			else {
				DocumentParser.Result result = this.parser.parse(file.origin(), file.content());
				found.addAll(result.problems());
				document = result.hasErrors() ? lastGood(file.origin(), previous, found) : result.document();
				idLine = result.idLine();
			}
			if (document == null) {
				continue;
			}
			PatternDocument existing = byId.get(document.id());
			if (existing == null) {
				byId.put(document.id(), document);
				builtinById.put(document.id(), file.builtin());
			}
			else if (!(file.builtin() && !builtinById.get(document.id()))) {
				found.add(CatalogProblem.error(file.origin(), idLine, "duplicate id '" + document.id()
						+ "': already defined in " + existing.origin() + "; this document is left out"));
			}
		}
		for (PatternDocument document : byId.values()) {
			for (PatternDocument.RelatedLink link : document.related()) {
				if (!byId.containsKey(link.id())) {
					found.add(CatalogProblem.warning(document.origin(), lineMentioning(document, link.id()),
							"related pattern '" + link.id() + "' does not exist"));
				}
			}
		}
		return new Catalog(byId.values(), found, digest(byId.values(), found), this.clock.instant());
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

	private static @Nullable Integer lineMentioning(PatternDocument document, String id) {
		List<String> lines = document.markdown().lines().toList();
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).contains(id)) {
				return i + 1;
			}
		}
		return null;
	}

	private static String digest(Iterable<PatternDocument> documents, List<CatalogProblem> problems) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (PatternDocument document : documents) {
				sha.update((document.origin() + "\n" + document.markdown() + "\n").getBytes(StandardCharsets.UTF_8));
			}
			problems.forEach((p) -> sha.update((p + "\n").getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(sha.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
