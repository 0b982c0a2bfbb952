package dev.patterncatalog.lab.web;

import java.util.List;
import java.util.Map;

import dev.patterncatalog.lab.compare.ComparisonReport.Ratio;
import dev.patterncatalog.lab.compare.ComparisonReport.VariantSummary;
import dev.patterncatalog.lab.compare.ComparisonReport;
import dev.patterncatalog.lab.compare.Percentile;
import dev.patterncatalog.lab.demo.DemoDescriptor;
import dev.patterncatalog.lab.run.Theory;
import dev.patterncatalog.lab.run.Transport;
import dev.patterncatalog.lab.run.Verdict;
import dev.patterncatalog.system.HtmlPages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonHtmlTests {

	private final ComparisonHtml pages = new ComparisonHtml(HtmlPages.standalone(), JsonMapper.builder().build());

	private static final DemoDescriptor DESCRIPTOR = new DemoDescriptor("timeout", "gen-pattern-006",
			"No timeout, fallback or error", "", List.of("none", "fallback"), List.of(), "total time of a run, ms", 100,
			10, null);

	private static final Verdict.Overhead OVERHEAD = new Verdict.Overhead(8, 0.2, 0.9, 1.1);

	private static final Verdict VERDICT = new Verdict(Verdict.DISTORTED,
			List.of(new Verdict.Reason("pool-waits", "Up to 3 calls <waited>")), OVERHEAD, 0.42, 0.5, 3, 0,
			List.of("p99.9 needs at least 3688 runs"));

	@Test
	void everyVariantHasItsRowItsBarOnOneScaleAndItsRatio() {
		String html = this.pages.render(report(List.of()), DESCRIPTOR, "/api/lab/demos/fan-out/compare?seed=7");

		assertThat(html)
			.contains("<title>timeout compared · Latency Lab</title>",
					"4 runs of each variant after 10 discarded warm-up runs, at most 2 at once, in turns of\n2 runs;"
							+ " backends over HTTP, seed 7",
					"<a href=\"/api/patterns/gen-pattern-006\">The pattern</a>",
					"<tr><td>none</td><td>4</td><td>0</td><td>1000.0<br><span class=\"ci\">990.0–1010.0</span></td>"
							+ "<td>1100.0<br><span class=\"ci\">1090.0–1110.0</span></td>",
					"<td>1400.0</td><td>1050.0</td><td>1000.0</td><td>backend_calls 1.00</td></tr>",
					"<tr><td>fallback</td><td>4</td><td>1</td><td>300.0<br>",
					"<div class=\"p99\" style=\"width: 100.0%\"></div><div class=\"p50\" style=\"width: 83.3%\">",
					"<div class=\"p99\" style=\"width: 25.0%\"></div><div class=\"p50\" style=\"width: 25.0%\">",
					"Against the baseline, none:", "<li>fallback: 0.30× at p50, 0.25× at p99, 0.29× on average</li>",
					"<p>Total time of a run, ms: the median");
		assertThat(html).doesNotContain("Errors, for example");
	}

	@Test
	void theVerdictItsReasonsAndWhatTheLabAddedAreShown() {
		String html = this.pages.render(report(List.of()), DESCRIPTOR, "/api/lab/demos/fan-out/compare?seed=7");

		assertThat(html).contains("<div class=\"verdict distorted\"><p><strong>Verdict: distorted</strong>.",
				"The lab added 0.2 ms per backend call at the median, 0.9 ms at p99 (max 1.1 ms, 8 calls).",
				"This process used 42 % of all cores.", "<li>pool-waits: Up to 3 calls &lt;waited&gt;</li>",
				"<p>p99.9 needs at least 3688 runs</p>");
	}

	@Test
	void aPercentileTheRunsCannotSupportIsADashThatSaysWhatItNeeds() {
		VariantSummary few = new VariantSummary("none", 4, 0, 900, 1050, 1000.0, null, null, null, 1400,
				List.of(new Percentile(50, 1000.0, 900.0, 1400.0, 6), new Percentile(90, null, null, null, 36),
						new Percentile(99, null, null, null, 368), new Percentile(99.9, null, null, null, 3688)),
				null, Map.of(), List.of(), OVERHEAD, 1200, 5, null, null, null, List.of(), List.of());
		ComparisonReport report = new ComparisonReport("timeout", "closed", 4, 2, null, 7, Transport.HTTP, "total time",
				0, 2, List.of(few), List.of(), VERDICT, 10);

		String html = this.pages.render(report, DESCRIPTOR, "/api/lab/demos/fan-out/compare?seed=7");

		assertThat(html).contains("<span title=\"needs 36 runs\">–</span>", "<span title=\"needs 368 runs\">–</span>",
				"<div class=\"p99\" style=\"width: 100.0%\"></div><div class=\"p50\" style=\"width: 71.4%\">");
	}

	@Test
	void whatARunReportedIsEscaped() {
		String html = this.pages.render(report(List.of("<script>alert(1)</script>")), DESCRIPTOR,
				"/api/lab/demos/fan-out/compare?seed=7");

		assertThat(html).contains("<li>fallback: &lt;script&gt;alert(1)&lt;/script&gt;</li>")
			.contains("data-report=\"{&quot;demo&quot;:&quot;timeout&quot;")
			.doesNotContain("<script>alert");
	}

	private static ComparisonReport report(List<String> errorSamples) {
		VariantSummary none = new VariantSummary("none", 4, 0, 900, 1050, 1000.0, 1100.0, 1200.0, 1300.0, 1400,
				percentiles(1000, 1100, 1200, 1300), new Theory("total_ms", 1000, "the backend's latency"),
				Map.of("backend_calls", 1.0), List.of(), OVERHEAD, 1200, 5, null, null, null, List.of(), List.of());
		VariantSummary fallback = new VariantSummary("fallback", 4, 1, 290, 300, 300.0, 300.0, 300.0, 300.0, 301,
				percentiles(300, 300, 300, 300), null, Map.of(), errorSamples, OVERHEAD, 1200, 5, null, null, null,
				List.of(), List.of());
		return new ComparisonReport("timeout", "closed", 4, 2, null, 7, Transport.HTTP, "total time of a run, ms", 10,
				2, List.of(none, fallback), List.of(new Ratio("fallback", "none", 0.2857, 0.3, 0.25)), VERDICT, 2345.6);
	}

	private static List<Percentile> percentiles(double p50, double p90, double p99, double p999) {
		return List.of(new Percentile(50, p50, p50 - 10, p50 + 10, 6), new Percentile(90, p90, p90 - 10, p90 + 10, 36),
				new Percentile(99, p99, p99 - 10, p99 + 10, 368),
				new Percentile(99.9, p999, p999 - 10, p999 + 10, 3688));
	}

}
