package dev.patterncatalog.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;

/**
 * Full-text search over the documents of one catalog version, ranked by Lucene's BM25: a
 * match in the title weighs most, then the tags, then the summary, then the rest of the
 * body. English stemming lets {@code timeouts} find {@code timeout}.
 * <p>
 * Queries use Lucene's simple syntax, which never fails to parse: words must all match;
 * {@code "a phrase"}, {@code prefix*}, {@code -excluded} and {@code a | b} are
 * understood.
 */
final class SearchIndex {

	private static final Map<String, Float> WEIGHTS = Map.of("title", 4f, "tags", 3f, "summary", 2f, "body", 1f);

	/**
	 * When the search running on a thread must give up, in {@link System#nanoTime} terms.
	 */
	private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

	/**
	 * Read by Lucene as it enumerates terms and postings: a fuzzy or prefix query that
	 * expands over many terms stops at its deadline.
	 */
	private static final QueryTimeout PAST_DEADLINE = () -> {
		Long deadline = DEADLINE.get();
		return deadline != null && System.nanoTime() - deadline > 0;
	};

	private final Analyzer analyzer;

	/** A point-in-time view of the index, with a reference of this version's own. */
	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	/** Each Lucene document's pattern id, by Lucene document number. */
	private final String[] ids;

	private final AtomicBoolean released = new AtomicBoolean();

	private SearchIndex(DirectoryReader reader, Analyzer analyzer) throws IOException {
		this.analyzer = analyzer;
		this.reader = reader;
		this.searcher = new IndexSearcher(ExitableDirectoryReader.wrap(reader, PAST_DEADLINE));
		this.ids = storedIds(this.searcher);
	}

	/**
	 * Gives up this version's hold on its view of the index; searches still running
	 * finish first, and the view's memory is freed once none holds it.
	 */
	void release() {
		if (this.released.compareAndSet(false, true)) {
			decRef(this.reader);
		}
	}

	/**
	 * Runs {@code search}, whose searches on this thread give up once {@code budget} has
	 * passed.
	 * @throws SearchTooLong if they did
	 */
	static <T> T within(Duration budget, Supplier<T> search) {
		DEADLINE.set(System.nanoTime() + budget.toNanos());
		try {
			return search.get();
		}
		catch (ExitableDirectoryReader.ExitingReaderException ex) {
			throw new SearchTooLong(budget);
		}
		finally {
			DEADLINE.remove();
		}
	}

	/**
	 * Finds the documents matching a query.
	 * @return document ids with their scores, best first
	 */
	Map<String, Float> search(String text) {
		SimpleQueryParser parser = new SimpleQueryParser(this.analyzer, WEIGHTS);
		parser.setDefaultOperator(BooleanClause.Occur.MUST);
		Query query = parser.parse(text);
		if (!this.reader.tryIncRef()) {
			throw new CatalogReplaced();
		}
		try {
			ScoreDoc[] hits = this.searcher.search(query,
					Math.max(1, this.searcher.getIndexReader().maxDoc())).scoreDocs;
			Map<String, Float> scores = new LinkedHashMap<>();
			for (ScoreDoc hit : hits) {
				scores.put(this.ids[hit.doc], hit.score);
			}
			return scores;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			decRef(this.reader);
		}
	}

	private static void decRef(DirectoryReader reader) {
		try {
			reader.decRef();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// read once: reading a stored field per hit decompresses a block of stored fields
	// every time
	private static String[] storedIds(IndexSearcher searcher) throws IOException {
		StoredFields fields = searcher.storedFields();
		String[] ids = new String[searcher.getIndexReader().maxDoc()];
		for (int doc = 0; doc < ids.length; doc++) {
			ids[doc] = fields.document(doc).get("id");
		}
		return ids;
	}

	private static Document toLucene(PatternDocument document, PatternDocument.Content content) {
		Document lucene = new Document();
		lucene.add(new StringField("id", document.id(), Field.Store.YES));
		lucene.add(new TextField("title", document.title(), Field.Store.NO));
		lucene.add(new TextField("tags", String.join(" ", document.tags()), Field.Store.NO));
		lucene.add(new TextField("summary", content.summary(), Field.Store.NO));
		lucene.add(new TextField("body", body(document, content), Field.Store.NO));
		return lucene;
	}

	private static String body(PatternDocument document, PatternDocument.Content content) {
		return Stream
			.of(Stream.of(content.problem()),
					content.solutions()
						.stream()
						.flatMap((s) -> Stream.concat(Stream.of(s.name(), s.prose()),
								s.examples().stream().map(PatternDocument.CodeExample::code))),
					content.whenToUse().stream(), content.whenNotToUse().stream(),
					document.related().stream().map(PatternDocument.RelatedLink::label),
					content.sections().stream().flatMap((s) -> Stream.of(s.heading(), s.markdown())))
			.flatMap((s) -> s)
			.collect(Collectors.joining("\n"));
	}

	/**
	 * One index kept up to date across catalog versions: each version re-indexes only the
	 * documents that changed (a reparse that was reused is the same object) and gets a
	 * point-in-time view of its own, so that a reload of one file does not index them all
	 * again.
	 */
	static final class Indexer {

		private final Analyzer analyzer = new EnglishAnalyzer();

		private final IndexWriter writer;

		/** The documents indexed, by id. */
		private Map<String, PatternDocument> indexed = Map.of();

		/** The latest view, with a reference of the indexer's own. */
		private @Nullable DirectoryReader latest;

		Indexer() {
			try {
				// merges on the building thread, not on threads of Lucene's own
				this.writer = new IndexWriter(new ByteBuffersDirectory(),
						new IndexWriterConfig(this.analyzer).setMergeScheduler(new SerialMergeScheduler()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** The documents of the build under way, by id. */
		private Map<String, PatternDocument> pending = new HashMap<>();

		/** Ids written since the last commit, a build that failed half-way included. */
		private final Set<String> written = new HashSet<>();

		/**
		 * Starts a build: what an earlier build that failed put is forgotten.
		 */
		synchronized void begin() {
			this.pending = new HashMap<>();
		}

		/**
		 * Adds a document of the build under way, indexing it now if it is new or
		 * changed: as the build comes to it, so that its sections need not be kept.
		 * @param content its sections, if at hand, so as not to parse them again
		 */
		synchronized void put(PatternDocument document, PatternDocument.@Nullable Content content) {
			this.pending.put(document.id(), document);
			if (this.indexed.get(document.id()) != document) {
				this.written.add(document.id());
				try {
					this.writer.updateDocument(new Term("id", document.id()),
							toLucene(document, (content != null) ? content : document.content()));
				}
				catch (IOException ex) {
					// the directory is in memory: an I/O error here is a bug, not a
					// condition
					throw new UncheckedIOException(ex);
				}
			}
		}

		/**
		 * Ends the build under way: documents it did not put are removed, and its version
		 * gets a view of the index as it is now.
		 */
		synchronized SearchIndex commit() {
			try {
				Map<String, PatternDocument> now = this.pending;
				this.pending = new HashMap<>();
				Set<String> held = new HashSet<>(this.indexed.keySet());
				held.addAll(this.written);
				this.written.clear();
				for (String id : held) {
					if (!now.containsKey(id)) {
						this.writer.deleteDocuments(new Term("id", id));
					}
				}
				this.indexed = now;
				DirectoryReader previous = this.latest;
				DirectoryReader next = (previous != null) ? DirectoryReader.openIfChanged(previous, this.writer)
						: DirectoryReader.open(this.writer);
				if (next == null) {
					next = previous;
				}
				else {
					this.latest = next;
					if (previous != null) {
						previous.decRef();
					}
				}
				// the version's own reference
				next.incRef();
				return new SearchIndex(next, this.analyzer);
			}
			catch (IOException ex) {
				// the directory is in memory: an I/O error here is a bug, not a condition
				throw new UncheckedIOException(ex);
			}
		}

	}

}
