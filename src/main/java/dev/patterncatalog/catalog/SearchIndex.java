package dev.patterncatalog.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

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

	private final Analyzer analyzer = new EnglishAnalyzer();

	private final IndexSearcher searcher;

	/** Each Lucene document's pattern id, by Lucene document number. */
	private final String[] ids;

	SearchIndex(Collection<PatternDocument> documents) {
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(this.analyzer))) {
			for (PatternDocument document : documents) {
				writer.addDocument(toLucene(document));
			}
			writer.commit();
			this.searcher = new IndexSearcher(
					ExitableDirectoryReader.wrap(DirectoryReader.open(directory), PAST_DEADLINE));
			this.ids = storedIds(this.searcher);
		}
		catch (IOException ex) {
			// the directory is in memory: an I/O error here is a bug, not a condition
			throw new UncheckedIOException(ex);
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

	private static Document toLucene(PatternDocument document) {
		Document lucene = new Document();
		lucene.add(new StoredField("id", document.id()));
		lucene.add(new TextField("title", document.title(), Field.Store.NO));
		lucene.add(new TextField("tags", String.join(" ", document.tags()), Field.Store.NO));
		lucene.add(new TextField("summary", document.summary(), Field.Store.NO));
		lucene.add(new TextField("body", body(document), Field.Store.NO));
		return lucene;
	}

	private static String body(PatternDocument document) {
		return Stream
			.of(Stream.of(document.problem()),
					document.solutions()
						.stream()
						.flatMap((s) -> Stream.concat(Stream.of(s.name(), s.prose()),
								s.examples().stream().map(PatternDocument.CodeExample::code))),
					document.whenToUse().stream(), document.whenNotToUse().stream(),
					document.related().stream().map(PatternDocument.RelatedLink::label),
					document.sections().stream().flatMap((s) -> Stream.of(s.heading(), s.markdown())))
			.flatMap((s) -> s)
			.collect(Collectors.joining("\n"));
	}

}
