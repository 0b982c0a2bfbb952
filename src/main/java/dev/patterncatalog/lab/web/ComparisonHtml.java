package dev.patterncatalog.lab.web;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.patterncatalog.lab.ComparisonReport;
import dev.patterncatalog.lab.ComparisonReport.Ratio;
import dev.patterncatalog.lab.ComparisonReport.VariantSummary;
import dev.patterncatalog.lab.DemoDescriptor;
import dev.patterncatalog.lab.Percentile;
import dev.patterncatalog.lab.Transport;
import dev.patterncatalog.lab.Verdict;
import dev.patterncatalog.system.HtmlPage;
import org.jspecify.annotations.Nullable;

import static dev.patterncatalog.system.HtmlPage.escape;

/**
 * Renders a comparison as a page for a reader: the percentiles of every variant in a
 * table and as bars on one scale, the theory and the facts beside them, and the ratios to
 * the baseline. Every text that comes from the run (errors, facts) is escaped.
 */
final class ComparisonHtml {

	private static final String STYLE = """
			body { max-width: 64rem; }
			table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
			th, td { padding: .3rem .7rem; border-bottom: 1px solid #e4e4e8; text-align: right; }
			th:first-child, td:first-child { text-align: left; }
			.bars { margin: 1rem 0; }
			.bar { display: flex; align-items: center; gap: .7rem; margin: .35rem 0; }
			.bar span { width: 9rem; }
			.track { flex: 1; position: relative; height: 1.2rem; background: #f4f4f6; border-radius: 3px; }
			.p99 { position: absolute; height: 100%; background: #c9d7f2; border-radius: 3px; }
			.p50 { position: absolute; height: 100%; background: #3867c9; border-radius: 3px; }
			.errors { color: #a12; }
			.ci { color: #667; font-size: .85em; }
			.verdict { padding: .6rem .9rem; border-radius: 4px; margin: 1rem 0; }
			.valid { background: #e7f4ea; }
			.distorted { background: #fbeaea; }
			""";

	private static final String BODY = """
			<h1>%s: %s</h1>
			<p class="meta">%d runs of each variant after %d discarded warm-up runs, at most %d at once, in turns of
			%d runs; backends %s, seed %d; measured just now in %s ms. <a href="/api/patterns/%s">The pattern</a>
			(%s).</p>
			%s
			<p>Percentiles with their 95 %% confidence interval below them; a dash where the runs are too few for
			one.</p>
			<table>
			<tr><th>variant</th><th>runs</th><th>errors</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th><th>mean</th><th>theory</th><th>facts, mean per run</th></tr>
			%s</table>
			<p>%s: the median (dark) within the 99th percentile (light), on one scale.</p>
			<div class="bars">
			%s</div>
			%s%s""";

	private ComparisonHtml() {
	}

	static String render(ComparisonReport report, DemoDescriptor descriptor) {
		double scale = report.variants().stream().mapToDouble(ComparisonHtml::tail).max().orElse(0);
		StringBuilder rows = new StringBuilder();
		StringBuilder bars = new StringBuilder();
		StringBuilder errors = new StringBuilder();
		for (VariantSummary variant : report.variants()) {
			rows.append("<tr><td>")
				.append(escape(variant.variant()))
				.append("</td><td>")
				.append(variant.count())
				.append("</td><td>")
				.append(variant.errors())
				.append("</td>");
			for (Percentile percentile : variant.percentiles()) {
				rows.append("<td>").append(estimate(percentile)).append("</td>");
			}
			for (double ms : new double[] { variant.maxMs(), variant.meanMs() }) {
				rows.append("<td>").append(number(ms)).append("</td>");
			}
			rows.append("<td>")
				.append((variant.theory() != null) ? number(variant.theory().value()) : "")
				.append("</td><td>")
				.append(escape(facts(variant.facts())))
				.append("</td></tr>\n");
			bars.append("<div class=\"bar\"><span>")
				.append(escape(variant.variant()))
				.append("</span><div class=\"track\"><div class=\"p99\" style=\"width: ")
				.append(percent(tail(variant), scale))
				.append("%\"></div><div class=\"p50\" style=\"width: ")
				.append(percent((variant.p50Ms() != null) ? variant.p50Ms() : 0, scale))
				.append("%\"></div></div></div>\n");
			for (String sample : variant.errorSamples()) {
				errors.append("<li>")
					.append(escape(variant.variant()))
					.append(": ")
					.append(escape(sample))
					.append("</li>\n");
			}
		}
		return HtmlPage.render(report.demo() + " compared · Latency Lab", STYLE, BODY.formatted(escape(report.demo()),
				escape(descriptor.title()), report.runs(), report.warmupRuns(), report.concurrency(),
				report.roundRuns(), (report.transport() == Transport.HTTP) ? "over HTTP" : "in process", report.seed(),
				number(report.elapsedMs()), escape(descriptor.patternId()), escape(descriptor.patternId()),
				verdict(report.verdict()), rows, escape(capitalized(report.metric())), bars, ratios(report),
				errors.isEmpty() ? "" : "<p class=\"errors\">Errors, for example:</p>\n<ul>\n" + errors + "</ul>\n"));
	}

	/**
	 * The bar's light part: the 99th percentile, or the maximum where the runs are too
	 * few for it.
	 */
	private static double tail(VariantSummary variant) {
		return (variant.p99Ms() != null) ? variant.p99Ms() : variant.maxMs();
	}

	private static String estimate(Percentile percentile) {
		if (percentile.ms() == null) {
			return "<span title=\"needs " + percentile.needsRuns() + " runs\">–</span>";
		}
		return number(percentile.ms()) + "<br><span class=\"ci\">" + number(percentile.lowMs()) + "–"
				+ number(percentile.highMs()) + "</span>";
	}

	private static String verdict(Verdict verdict) {
		Verdict.Overhead overhead = verdict.overhead();
		StringBuilder text = new StringBuilder("<div class=\"verdict ").append(verdict.status())
			.append("\"><p><strong>Verdict: ")
			.append(verdict.status())
			.append("</strong>. ");
		if (overhead.calls() > 0) {
			text.append("The lab added ")
				.append(overhead.p50Ms())
				.append(" ms per backend call at the median, ")
				.append(overhead.p99Ms())
				.append(" ms at p99 (max ")
				.append(overhead.maxMs())
				.append(" ms, ")
				.append(overhead.calls())
				.append(" calls). ");
		}
		text.append("This process used ")
			.append(Math.round(verdict.processCpu() * 100))
			.append(" % of all cores.</p>\n");
		if (!verdict.reasons().isEmpty()) {
			text.append("<ul>\n");
			verdict.reasons()
				.forEach((reason) -> text.append("<li>")
					.append(escape(reason.code()))
					.append(": ")
					.append(escape(reason.detail()))
					.append("</li>\n"));
			text.append("</ul>\n");
		}
		verdict.notes().forEach((note) -> text.append("<p>").append(escape(note)).append("</p>\n"));
		return text.append("</div>").toString();
	}

	private static String ratios(ComparisonReport report) {
		if (report.ratios().isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder("<p>Against the baseline, ")
			.append(escape(report.ratios().get(0).baseline()))
			.append(":</p>\n<ul>\n");
		for (Ratio ratio : report.ratios()) {
			text.append("<li>")
				.append(escape(ratio.variant()))
				.append(": ")
				.append(times(ratio.p50()))
				.append(" at p50, ")
				.append((ratio.p99() != null) ? times(ratio.p99()) + " at p99, " : "")
				.append(times(ratio.mean()))
				.append(" on average</li>\n");
		}
		return text.append("</ul>\n").toString();
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

}
