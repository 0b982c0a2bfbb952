package dev.patterncatalog.lab.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.patterncatalog.lab.compare.ComparisonReport.Ratio;
import dev.patterncatalog.lab.compare.ComparisonReport.VariantSummary;
import dev.patterncatalog.lab.compare.ComparisonReport;
import dev.patterncatalog.lab.compare.Percentile;
import dev.patterncatalog.lab.demo.DemoDescriptor;
import dev.patterncatalog.lab.run.Theories;
import dev.patterncatalog.lab.run.Transport;
import dev.patterncatalog.lab.run.Verdict;
import dev.patterncatalog.system.HtmlPages;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Renders a comparison as a page for a reader ({@code comparison.mustache}): the
 * percentiles of every variant in a table and as bars on one scale, the theory and the
 * facts beside them, the verdict, the ratios to the baseline, and a link that runs the
 * same comparison again with the same seed; and the report as JSON, which the page's
 * script draws (lab-report.js). Every text that comes from the run (errors, facts, the
 * JSON) is escaped by the template.
 */
@Component
final class ComparisonHtml {

	private final HtmlPages pages;

	private final JsonMapper json;

	ComparisonHtml(HtmlPages pages, JsonMapper json) {
		this.pages = pages;
		this.json = json;
	}

	/**
	 * @param again the comparison's URL with its seed: the same comparison, run anew
	 */
	String render(ComparisonReport report, DemoDescriptor descriptor, String again) {
		double scale = report.variants().stream().mapToDouble(ComparisonHtml::tail).max().orElse(0);
		List<Row> rows = report.variants().stream().map((variant) -> row(variant, scale)).toList();
		List<RatioList> ratios = report.ratios().isEmpty() ? List.of()
				: List.of(new RatioList(report.ratios().get(0).baseline(),
						report.ratios().stream().map(ComparisonHtml::ratio).toList()));
		return this.pages.render("comparison",
				new Page(report.demo() + " compared · Latency Lab", report.demo(), descriptor.title(), report.runs(),
						(report.rate() != null) ? List.of(Theories.format(report.rate())) : List.of(),
						report.warmupRuns(), report.concurrency(), report.roundRuns(),
						(report.transport() == Transport.HTTP) ? "over HTTP" : "in process", report.seed(),
						number(report.elapsedMs()), descriptor.patternId(), verdict(report.verdict()), rows,
						capitalized(report.metric()), ratios,
						rows.stream().anyMatch((row) -> !row.errorSamples().isEmpty()), again,
						this.json.writeValueAsString(report)));
	}

	private static Row row(VariantSummary variant, double scale) {
		return new Row(variant.variant(), variant.count(), variant.errors(),
				variant.percentiles().stream().map(ComparisonHtml::cell).toList(), number(variant.maxMs()),
				number(variant.meanMs()), (variant.theory() != null) ? number(variant.theory().value()) : "",
				facts(variant.facts()), percent(tail(variant), scale),
				percent((variant.p50Ms() != null) ? variant.p50Ms() : 0, scale), variant.errorSamples());
	}

	private static Cell cell(Percentile percentile) {
		return (percentile.ms() == null) ? new Cell(false, "", "", "", percentile.needsRuns())
				: new Cell(true, number(percentile.ms()), number(percentile.lowMs()), number(percentile.highMs()),
						percentile.needsRuns());
	}

	private static VerdictView verdict(Verdict verdict) {
		Verdict.Overhead overhead = verdict.overhead();
		return new VerdictView(verdict.status(), (overhead.calls() > 0) ? List.of(overhead) : List.of(),
				Math.round(verdict.processCpu() * 100), !verdict.reasons().isEmpty(), verdict.reasons(),
				verdict.notes());
	}

	private static RatioView ratio(Ratio ratio) {
		return new RatioView(ratio.variant(), times(ratio.p50()),
				(ratio.p99() != null) ? List.of(times(ratio.p99())) : List.of(), times(ratio.mean()));
	}

	/**
	 * The bar's light part: the 99th percentile, or the maximum where the runs are too
	 * few for it.
	 */
	private static double tail(VariantSummary variant) {
		return (variant.p99Ms() != null) ? variant.p99Ms() : variant.maxMs();
	}

	private static String facts(Map<String, Double> facts) {
		return facts.entrySet()
			.stream()
			.map((fact) -> fact.getKey() + " " + String.format(Locale.ROOT, "%.2f", fact.getValue()))
			.collect(Collectors.joining(", "));
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String times(@Nullable Double ratio) {
		if (ratio == null) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.2f×", ratio);
	}

	private static String percent(double value, double scale) {
		return String.format(Locale.ROOT, "%.1f", (scale > 0) ? Math.min(100, 100 * value / scale) : 0);
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** What {@code comparison.mustache} shows; figures are formatted already. */
	/**
	 * @param rate the open model's arrival rate, or nothing in the closed model
	 */
	record Page(String title, String demo, String demoTitle, int runs, List<String> rate, int warmupRuns,
			int concurrency, int roundRuns, String transport, long seed, String elapsedMs, String patternId,
			VerdictView verdict, List<Row> rows, String metric, List<RatioList> ratios, boolean hasErrors, String again,
			String report) {
	}

	record Row(String variant, long count, long errors, List<Cell> percentiles, String maxMs, String meanMs,
			String theory, String facts, String p99Width, String p50Width, List<String> errorSamples) {
	}

	/** A percentile, {@code known} where the runs were enough for it. */
	record Cell(boolean known, String ms, String lowMs, String highMs, int needsRuns) {
	}

	record VerdictView(String status, List<Verdict.Overhead> overhead, long processCpuPercent, boolean hasReasons,
			List<Verdict.Reason> reasons, List<String> notes) {
	}

	record RatioList(String baseline, List<RatioView> items) {
	}

	record RatioView(String variant, String p50, List<String> p99, String mean) {
	}

}
