package dev.patterncatalog.lab.web;

import java.util.List;
import java.util.Map;

import dev.patterncatalog.lab.ComparisonReport;
import dev.patterncatalog.lab.ComparisonReport.Ratio;
import dev.patterncatalog.lab.ComparisonReport.VariantSummary;
import dev.patterncatalog.lab.DemoDescriptor;
import dev.patterncatalog.lab.Theory;
import dev.patterncatalog.lab.Transport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonHtmlTests {

	private static final DemoDescriptor DESCRIPTOR = new DemoDescriptor("timeout", "gen-pattern-006",
			"No timeout, fallback or error", "", List.of("none", "fallback"), List.of(), "total time of a run, ms");

	@Test
	void everyVariantHasItsRowItsBarOnOneScaleAndItsRatio() {
		String html = ComparisonHtml.render(report(List.of()), DESCRIPTOR);

		assertThat(html).contains("<title>timeout compared · Latency Lab</title>",
				"4 runs of each variant, at most 2 at once, backends over HTTP, seed 7",
				"<a href=\"/api/patterns/gen-pattern-006\">The pattern</a>",
				"<tr><td>none</td><td>4</td><td>0</td><td>1000.0</td><td>1100.0</td><td>1200.0</td><td>1300.0</td>"
						+ "<td>1400.0</td><td>1050.0</td><td>1000.0</td><td>backend_calls 1.00</td></tr>",
				"<tr><td>fallback</td><td>4</td><td>1</td><td>300.0</td>",
				"<div class=\"p99\" style=\"width: 100.0%\"></div><div class=\"p50\" style=\"width: 83.3%\">",
				"<div class=\"p99\" style=\"width: 25.0%\"></div><div class=\"p50\" style=\"width: 25.0%\">",
				"Against the baseline, none:", "<li>fallback: 0.30× at p50, 0.25× at p99, 0.29× on average</li>",
				"<p>Total time of a run, ms: the median");
		assertThat(html).doesNotContain("Errors, for example");
	}

	@Test
	void whatARunReportedIsEscaped() {
		String html = ComparisonHtml.render(report(List.of("<script>alert(1)</script>")), DESCRIPTOR);

		assertThat(html).contains("<li>fallback: &lt;script&gt;alert(1)&lt;/script&gt;</li>")
			.doesNotContain("<script>");
	}

	private static ComparisonReport report(List<String> errorSamples) {
		VariantSummary none = new VariantSummary("none", 4, 0, 900, 1050, 1000, 1100, 1200, 1300, 1400,
				new Theory("total_ms", 1000, "the backend's latency"), Map.of("backend_calls", 1.0), List.of());
		VariantSummary fallback = new VariantSummary("fallback", 4, 1, 290, 300, 300, 300, 300, 300, 301, null,
				Map.of(), errorSamples);
		return new ComparisonReport("timeout", 4, 2, 7, Transport.HTTP, "total time of a run, ms",
				List.of(none, fallback), List.of(new Ratio("fallback", "none", 0.2857, 0.3, 0.25)), 2345.6);
	}

}
