package dev.patterncatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lab as a reader meets it, in a real browser ({@link Browser}): from a document to
 * its lab page, a comparison run in place with its progress, summary and pictures, the
 * pictures of the stateful demos, and a sweep of the arrival rate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LabInABrowserIntegrationTests {

	@LocalServerPort
	int port;

	@RegisterExtension
	static final Browser chromium = new Browser();

	@Test
	void fromADocumentToItsLabPageChangeAParameterAndRunTheComparison() {
		chromium.driver().get(url("/api/patterns/gen-pattern-004"));
		assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).contains("Scatter-Gather Fan-Out");

		chromium.driver().findElement(By.partialLinkText("measured live")).click();
		chromium.waiting(10).until(ExpectedConditions.urlToBe(url("/lab/fan-out")));
		chromium.screenshot("lab-form");
		WebElement runs = chromium.driver().findElement(By.id("runs"));
		assertThat(runs.getAttribute("value")).isEqualTo("100");
		runs.clear();
		runs.sendKeys("10");
		WebElement warmup = chromium.driver().findElement(By.id("warmup"));
		warmup.clear();
		warmup.sendKeys("0");
		new Select(chromium.driver().findElement(By.id("transport"))).selectByVisibleText("in-process");
		chromium.driver().findElement(By.cssSelector("button[type=submit]")).click();

		// the page's script runs the comparison in place: progress events, then the
		// summary
		chromium.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress li")));
		chromium.waiting(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result table")));
		assertThat(chromium.driver().getCurrentUrl()).isEqualTo(url("/lab/fan-out"));
		assertThat(chromium.driver().findElements(By.cssSelector("#progress li"))).extracting(WebElement::getText)
			.hasSize(2)
			.allSatisfy((line) -> assertThat(line).contains("10 of 10 runs"));
		// a header row and one per variant: sequential and parallel
		assertThat(chromium.driver().findElements(By.cssSelector("#result .scroll tr"))).hasSize(3);
		assertThat(chromium.driver().findElement(By.cssSelector("#result .verdict")).getText()).startsWith("Verdict: ")
			.contains("The lab added");
		// 10 runs are enough for a median's confidence interval, not for p90's
		assertThat(chromium.driver().findElements(By.cssSelector("#result .scroll .ci"))).hasSize(2);
		assertThat(chromium.driver().findElements(By.cssSelector("#result .ratios li"))).extracting(WebElement::getText)
			.singleElement()
			.asString()
			.startsWith("parallel against sequential: mean ×");
		chromium.driver().executeScript("document.getElementById('progress').scrollIntoView();");
		chromium.screenshot("lab-live");
		assertThePicturesOfTheComparison();
		chromium.driver().executeScript("document.querySelector('.percentile-plot').scrollIntoView();");
		chromium.screenshot("lab-pictures");

		// the report, downloaded as CSV: a row per variant
		WebElement csv = chromium.driver().findElement(By.linkText("CSV"));
		Path saved = chromium.downloads().resolve(csv.getAttribute("download"));
		csv.click();
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.isReadable(saved) && Files.size(saved) > 0);
		assertThat(readLines(saved)).hasSize(3)
			.first()
			.asString()
			.startsWith("variant,runs,errors,min_ms,mean_ms,p50_ms");
		assertThat(readLines(saved).subList(1, 3)).satisfiesExactly(
				(row) -> assertThat(row).startsWith("sequential,10,0,"),
				(row) -> assertThat(row).startsWith("parallel,10,0,"));

		// the comparison's own page, the same comparison again with its seed
		chromium.driver().findElement(By.linkText("The comparison's own page")).click();
		chromium.waiting(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "fan-out:"));
		assertThat(chromium.driver().getCurrentUrl()).contains("/api/lab/demos/fan-out/compare?", "runs=10", "warmup=0",
				"transport=in-process", "seed=");
		assertThat(chromium.driver().findElement(By.className("meta")).getText()).startsWith("10 runs of each variant");
		assertThat(chromium.driver().findElements(By.cssSelector(".scroll tr"))).hasSize(3);
		assertThat(chromium.driver().findElements(By.cssSelector(".bars .bar"))).hasSize(2);
		// the page carries its report, and the same script draws it
		assertThePicturesOfTheComparison();
		chromium.screenshot("lab-comparison");
	}

	/**
	 * A fan-out comparison drawn: both variants and their theories on the percentile
	 * plot, both on the CDF, and a waterfall of 3 sample runs per variant with a bar for
	 * each of their 3 backend calls.
	 */
	private static void assertThePicturesOfTheComparison() {
		chromium.waiting(10)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".percentile-plot canvas")));
		assertThat(chromium.driver().findElements(By.cssSelector(".percentile-plot .u-legend .u-series .u-label")))
			.extracting(WebElement::getText)
			.containsExactly("percentile", "sequential", "parallel", "theory, sequential", "theory, parallel");
		assertThat(chromium.driver().findElements(By.cssSelector(".cdf .u-legend .u-series"))).hasSize(3);
		assertThat(chromium.driver().findElements(By.cssSelector(".waterfall .run")))
			.extracting((run) -> run.getAttribute("data-variant"))
			.containsExactly("sequential", "sequential", "sequential", "parallel", "parallel", "parallel");
		assertThat(chromium.driver().findElements(By.cssSelector(".waterfall .track .call"))).hasSize(18)
			.allSatisfy((bar) -> assertThat(bar.getAttribute("class")).isEqualTo("call ok"));
		assertThat(chromium.driver().findElements(By.cssSelector(".in-flight .u-legend .u-series .u-label")))
			.extracting(WebElement::getText)
			.containsExactly("ms", "sequential", "parallel");
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aRateLimitersPageSweepsTheArrivalRate() {
		chromium.driver().get(url("/lab/rate-limiter"));
		new Select(chromium.driver().findElement(By.id("transport"))).selectByVisibleText("in-process");
		WebElement rates = chromium.driver().findElement(By.id("rates"));
		rates.clear();
		rates.sendKeys("2, 40");
		WebElement duration = chromium.driver().findElement(By.id("sweep-duration"));
		duration.clear();
		duration.sendKeys("500");
		chromium.driver().findElement(By.cssSelector("form[data-sweep] button")).click();

		chromium.waiting(60)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.className("sweep-status"), "Swept 2"));
		List<WebElement> rows = chromium.driver().findElements(By.cssSelector(".sweep-table tr"));
		assertThat(rows).hasSize(5);
		// measured, not drawn: at 2 runs a second every call gets a permit, at 40 the
		// permits run out and calls are rejected
		List<String> slow = rows.get(2).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(slow).startsWith("2", "rate-limited");
		assertThat(slow.get(6)).isEqualTo("0.00");
		List<String> fast = rows.get(4).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(fast).startsWith("40", "rate-limited");
		assertThat(Double.parseDouble(fast.get(6))).isPositive();
		List<WebElement> charts = chromium.driver().findElements(By.cssSelector(".sweep-chart"));
		assertThat(charts).hasSize(2);
		assertThat(charts.get(0).findElements(By.cssSelector(".u-series .u-label"))).extracting(WebElement::getText)
			.containsExactly("rate /s", "none, median", "none, max", "rate-limited, median", "rate-limited, max");
		assertThat(charts.get(1).findElements(By.cssSelector(".u-series .u-label"))).extracting(WebElement::getText)
			.containsExactly("rate /s", "none", "rate-limited");
		chromium.driver().executeScript("arguments[0].scrollIntoView()", charts.get(0));
		chromium.screenshot("lab-sweep");
		if (Browser.hasAxe()) {
			assertThat(chromium.seriousViolations()).as("the sweep drawn: critical and serious violations").isEmpty();
		}
	}

	@Test
	void aBreakersStatesTheWorkLeftRunningForAClientThatLeftAndHedgesAreDrawn() {
		chromium.driver().get(url("/api/lab/demos/circuit-breaker/compare?runs=2&warmup=0&transport=in-process"));
		chromium.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".waterfall .run")));
		List<WebElement> guarded = chromium.driver()
			.findElements(By.cssSelector(".waterfall .run[data-variant=breaker]"));
		assertThat(guarded).hasSize(2)
			.allSatisfy((run) -> assertThat(run.findElements(By.cssSelector(".states .state")))
				.extracting((band) -> band.getAttribute("class"))
				.contains("state closed", "state open", "state half-open"));
		assertThat(chromium.driver().findElements(By.cssSelector(".waterfall .run[data-variant=none] .states")))
			.isEmpty();
		chromium.driver().executeScript("arguments[0].scrollIntoView()", guarded.get(0));
		chromium.screenshot("lab-circuit-breaker");

		chromium.driver()
			.get(url("/api/lab/demos/cancel-on-disconnect/compare?runs=2&warmup=0&transport=in-process"
					+ "&delay=600&disconnect=200"));
		chromium.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".in-flight canvas")));
		assertThat(chromium.driver().findElements(By.cssSelector(".in-flight .u-legend .u-series .u-label")))
			.extracting(WebElement::getText)
			.containsExactly("ms", "attached", "detached");
		// cancelled when the client left, or run on for nobody
		assertThat(chromium.driver().findElements(By.cssSelector(".waterfall .run[data-variant=attached] .call")))
			.hasSize(10)
			.allSatisfy((bar) -> assertThat(bar.getAttribute("class")).isEqualTo("call cancelled"));
		assertThat(chromium.driver().findElements(By.cssSelector(".waterfall .run[data-variant=detached] .call")))
			.hasSize(10)
			.allSatisfy((bar) -> assertThat(bar.getAttribute("class")).isEqualTo("call ok"));
		assertThat(chromium.driver().findElements(By.cssSelector(".waterfall .track .left"))).hasSize(20);
		chromium.driver().executeScript("document.querySelector('.waterfall').scrollIntoView()");
		chromium.screenshot("lab-cancel-on-disconnect");

		// a hedge is outlined, in the colour of its outcome
		chromium.driver()
			.get(url("/api/lab/demos/hedging/compare?runs=2&warmup=0&transport=in-process&backend=profile"
					+ "&hedge-after=20"));
		chromium.waiting(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".waterfall .run")));
		assertThat(chromium.driver().findElements(By.cssSelector(".waterfall .run[data-variant=hedged] .call.hedged")))
			.hasSize(2);
		assertThat(chromium.driver().findElements(By.cssSelector(".waterfall .run[data-variant=none] .call.hedged")))
			.isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
