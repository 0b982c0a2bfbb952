package dev.patterncatalog.catalog;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The catalog's hot paths on the built-in catalog: parsing a document, a ranked full-text search with filters, and
 * rendering a document as JSON. Run with {@code ./mvnw -P jmh -DskipTests verify}.
 * <p>
 * The warm-up is long because the JIT needs it here: with three warm-up seconds, parsing
 * and searching still ran partly interpreted during the measurement, which reported them
 * 9 times slower than their steady state, with errors larger than the scores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class CatalogBenchmarks {

	private final DocumentParser parser = new DocumentParser();

	private final JsonMapper json = JsonMapper.builder().build();

	private String markdown;

	private Catalog catalog;

	private PatternDocument.Json document;

	private PatternQuery search;

	@Setup
	public void load() {
		List<SourceFile> files = CatalogSources.builtin(new PathMatchingResourcePatternResolver());
		this.catalog = new CatalogBuilder(Clock.systemUTC()).build(files, List.of(), null);
		PatternDocument document = this.catalog.find("gen-pattern-003").orElseThrow();
		this.document = document.json();
		this.markdown = document.markdown();
		this.search = new PatternQuery(new PatternFilter(null, null, List.of(), "timeout retry"), 0, 20,
				PatternQuery.Order.BY_RELEVANCE);
	}

	@Benchmark
	public DocumentParser.Result parseDocument() {
		return this.parser.parse("gen-pattern-003.md", this.markdown);
	}

	@Benchmark
	public PatternPage searchFullText() {
		return this.catalog.search(this.search);
	}

	@Benchmark
	public byte[] renderDocumentAsJson() {
		return this.json.writeValueAsBytes(this.document);
	}

}
