package dev.patterncatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages as a reader meets them, in a real browser: headless Chromium from Debian's
 * {@code chromium} and {@code chromium-driver} packages, driven by Selenium.
 * {@code .ci/run} installs them and sets {@code REQUIRE_BROWSER}, so that CI fails rather
 * than skips without them; elsewhere the tests are skipped, saying so, when they are not
 * installed. The browser is 390 px wide, a phone's width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesInABrowserIntegrationTests {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

	/** axe-core, from the npm registry: {@code .ci/run} installs it with Spectral. */
	private static final Path AXE = Path.of("target/tools/node_modules/axe-core/axe.min.js");

	private static final int WIDTH = 390;

	private static ChromeDriver browser;

	/** Where the browser saves what a page offers to download. */
	private static Path downloads;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startTheBrowser() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			assertThat(System.getenv("REQUIRE_BROWSER"))
				.as("a browser is required here, at " + CHROMIUM + " with " + CHROMEDRIVER)
				.isNull();
			Assumptions.abort("No browser at " + CHROMIUM + " with " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver, as .ci/run does)");
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
		// a phone's viewport: a desktop window is not made narrower than about 500 px
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", WIDTH, "height", 844, "pixelRatio", 1.0)));
		// the driver given, so that Selenium Manager looks for none on the internet
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		browser = new ChromeDriver(service, options);
		try {
			downloads = Files.createTempDirectory("downloads");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		browser.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
	}

	@AfterAll
	static void stopTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void fromADocumentToItsLabPageChangeAParameterAndRunTheComparison() {
		browser.get(url("/api/patterns/gen-pattern-004"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Scatter-Gather Fan-Out");

		browser.findElement(By.partialLinkText("measured live")).click();
		wait(10).until(ExpectedConditions.urlToBe(url("/lab/fan-out")));
		screenshot("lab-form");
		WebElement runs = browser.findElement(By.id("runs"));
		assertThat(runs.getAttribute("value")).isEqualTo("100");
		runs.clear();
		runs.sendKeys("10");
		WebElement warmup = browser.findElement(By.id("warmup"));
		warmup.clear();
		warmup.sendKeys("0");
		new Select(browser.findElement(By.id("transport"))).selectByVisibleText("in-process");
		browser.findElement(By.cssSelector("button[type=submit]")).click();

		// the page's script runs the comparison in place: progress events, then the
		// summary
		wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#progress li")));
		wait(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result table")));
		assertThat(browser.getCurrentUrl()).isEqualTo(url("/lab/fan-out"));
		assertThat(browser.findElements(By.cssSelector("#progress li"))).extracting(WebElement::getText)
			.hasSize(2)
			.allSatisfy((line) -> assertThat(line).contains("10 of 10 runs"));
		// a header row and one per variant: sequential and parallel
		assertThat(browser.findElements(By.cssSelector("#result .scroll tr"))).hasSize(3);
		assertThat(browser.findElement(By.cssSelector("#result .verdict")).getText()).startsWith("Verdict: ")
			.contains("The lab added");
		// 10 runs are enough for a median's confidence interval, not for p90's
		assertThat(browser.findElements(By.cssSelector("#result .scroll .ci"))).hasSize(2);
		assertThat(browser.findElements(By.cssSelector("#result .ratios li"))).extracting(WebElement::getText)
			.singleElement()
			.asString()
			.startsWith("parallel against sequential: mean ×");
		((JavascriptExecutor) browser).executeScript("document.getElementById('progress').scrollIntoView();");
		screenshot("lab-live");
		assertThePicturesOfTheComparison();
		((JavascriptExecutor) browser).executeScript("document.querySelector('.percentile-plot').scrollIntoView();");
		screenshot("lab-pictures");

		// the report, downloaded as CSV: a row per variant
		WebElement csv = browser.findElement(By.linkText("CSV"));
		Path saved = downloads.resolve(csv.getAttribute("download"));
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
		browser.findElement(By.linkText("The comparison's own page")).click();
		wait(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "fan-out:"));
		assertThat(browser.getCurrentUrl()).contains("/api/lab/demos/fan-out/compare?", "runs=10", "warmup=0",
				"transport=in-process", "seed=");
		assertThat(browser.findElement(By.className("meta")).getText()).startsWith("10 runs of each variant");
		assertThat(browser.findElements(By.cssSelector(".scroll tr"))).hasSize(3);
		assertThat(browser.findElements(By.cssSelector(".bars .bar"))).hasSize(2);
		// the page carries its report, and the same script draws it
		assertThePicturesOfTheComparison();
		screenshot("lab-comparison");
	}

	/**
	 * A fan-out comparison drawn: both variants and their theories on the percentile
	 * plot, both on the CDF, and a waterfall of 3 sample runs per variant with a bar for
	 * each of their 3 backend calls.
	 */
	private static void assertThePicturesOfTheComparison() {
		wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".percentile-plot canvas")));
		assertThat(browser.findElements(By.cssSelector(".percentile-plot .u-legend .u-series .u-label")))
			.extracting(WebElement::getText)
			.containsExactly("percentile", "sequential", "parallel", "theory, sequential", "theory, parallel");
		assertThat(browser.findElements(By.cssSelector(".cdf .u-legend .u-series"))).hasSize(3);
		assertThat(browser.findElements(By.cssSelector(".waterfall .run")))
			.extracting((run) -> run.getAttribute("data-variant"))
			.containsExactly("sequential", "sequential", "sequential", "parallel", "parallel", "parallel");
		assertThat(browser.findElements(By.cssSelector(".waterfall .track .call"))).hasSize(18)
			.allSatisfy((bar) -> assertThat(bar.getAttribute("class")).isEqualTo("call ok"));
		assertThat(browser.findElements(By.cssSelector(".in-flight .u-legend .u-series .u-label")))
			.extracting(WebElement::getText)
			.containsExactly("ms", "sequential", "parallel");
	}

	@Test
	void aRateLimitersPageSweepsTheArrivalRate() throws IOException {
		browser.get(url("/lab/rate-limiter"));
		new Select(browser.findElement(By.id("transport"))).selectByVisibleText("in-process");
		WebElement rates = browser.findElement(By.id("rates"));
		rates.clear();
		rates.sendKeys("2, 40");
		WebElement duration = browser.findElement(By.id("sweep-duration"));
		duration.clear();
		duration.sendKeys("500");
		browser.findElement(By.cssSelector("form[data-sweep] button")).click();

		wait(60).until(ExpectedConditions.textToBePresentInElementLocated(By.className("sweep-status"), "Swept 2"));
		List<WebElement> rows = browser.findElements(By.cssSelector(".sweep-table tr"));
		assertThat(rows).hasSize(5);
		// measured, not drawn: at 2 runs a second every call gets a permit, at 40 the
		// permits run out and calls are rejected
		List<String> slow = rows.get(2).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(slow).startsWith("2", "rate-limited");
		assertThat(slow.get(6)).isEqualTo("0.00");
		List<String> fast = rows.get(4).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
		assertThat(fast).startsWith("40", "rate-limited");
		assertThat(Double.parseDouble(fast.get(6))).isPositive();
		List<WebElement> charts = browser.findElements(By.cssSelector(".sweep-chart"));
		assertThat(charts).hasSize(2);
		assertThat(charts.get(0).findElements(By.cssSelector(".u-series .u-label"))).extracting(WebElement::getText)
			.containsExactly("rate /s", "none, median", "none, max", "rate-limited, median", "rate-limited, max");
		assertThat(charts.get(1).findElements(By.cssSelector(".u-series .u-label"))).extracting(WebElement::getText)
			.containsExactly("rate /s", "none", "rate-limited");
		browser.executeScript("arguments[0].scrollIntoView()", charts.get(0));
		screenshot("lab-sweep");
		if (Files.isReadable(AXE)) {
			assertThat(seriousViolations()).as("the sweep drawn: critical and serious violations").isEmpty();
		}
	}

	@Test
	void aBreakersStatesTheWorkLeftRunningForAClientThatLeftAndHedgesAreDrawn() {
		browser.get(url("/api/lab/demos/circuit-breaker/compare?runs=2&warmup=0&transport=in-process"));
		wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".waterfall .run")));
		List<WebElement> guarded = browser.findElements(By.cssSelector(".waterfall .run[data-variant=breaker]"));
		assertThat(guarded).hasSize(2)
			.allSatisfy((run) -> assertThat(run.findElements(By.cssSelector(".states .state")))
				.extracting((band) -> band.getAttribute("class"))
				.contains("state closed", "state open", "state half-open"));
		assertThat(browser.findElements(By.cssSelector(".waterfall .run[data-variant=none] .states"))).isEmpty();
		browser.executeScript("arguments[0].scrollIntoView()", guarded.get(0));
		screenshot("lab-circuit-breaker");

		browser.get(url("/api/lab/demos/cancel-on-disconnect/compare?runs=2&warmup=0&transport=in-process"
				+ "&delay=600&disconnect=200"));
		wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".in-flight canvas")));
		assertThat(browser.findElements(By.cssSelector(".in-flight .u-legend .u-series .u-label")))
			.extracting(WebElement::getText)
			.containsExactly("ms", "attached", "detached");
		// cancelled when the client left, or run on for nobody
		assertThat(browser.findElements(By.cssSelector(".waterfall .run[data-variant=attached] .call"))).hasSize(10)
			.allSatisfy((bar) -> assertThat(bar.getAttribute("class")).isEqualTo("call cancelled"));
		assertThat(browser.findElements(By.cssSelector(".waterfall .run[data-variant=detached] .call"))).hasSize(10)
			.allSatisfy((bar) -> assertThat(bar.getAttribute("class")).isEqualTo("call ok"));
		assertThat(browser.findElements(By.cssSelector(".waterfall .track .left"))).hasSize(20);
		browser.executeScript("document.querySelector('.waterfall').scrollIntoView()");
		screenshot("lab-cancel-on-disconnect");

		// a hedge is outlined, in the colour of its outcome
		browser.get(url("/api/lab/demos/hedging/compare?runs=2&warmup=0&transport=in-process&backend=profile"
				+ "&hedge-after=20"));
		wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".waterfall .run")));
		assertThat(browser.findElements(By.cssSelector(".waterfall .run[data-variant=hedged] .call.hedged")))
			.hasSize(2);
		assertThat(browser.findElements(By.cssSelector(".waterfall .run[data-variant=none] .call.hedged"))).isEmpty();
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
	void searchTheCatalogAsYouTypeThenReadADocumentsExamples() {
		browser.get(url("/api/patterns"));
		String everything = browser.findElement(By.id("summary")).getText();
		browser.findElement(By.id("q")).sendKeys("retry");
		// the list follows the typing, and the address the search
		wait(10).until(ExpectedConditions.urlContains("q=retry"));
		wait(10).until((driver) -> !driver.findElement(By.id("summary")).getText().equals(everything));
		List<WebElement> found = browser.findElements(By.cssSelector("#patterns li > a"));
		assertThat(found).extracting(WebElement::getText).anyMatch((title) -> title.contains("Retry with Backoff"));
		new Select(browser.findElement(By.id("category"))).selectByValue("resilience");
		wait(10).until(ExpectedConditions.urlContains("category=resilience"));
		screenshot("catalog-index");

		browser.findElement(By.partialLinkText("Retry with Backoff")).click();
		wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article h1")));
		// every section in the contents, every code block highlighted and with a copy
		// button
		assertThat(browser.findElements(By.cssSelector(".toc a")))
			.hasSameSizeAs(browser.findElements(By.cssSelector("article h2")));
		List<WebElement> blocks = browser.findElements(By.cssSelector("article pre"));
		assertThat(browser.findElements(By.cssSelector("article pre code.hljs"))).hasSameSizeAs(blocks);
		assertThat(browser.findElements(By.cssSelector("article pre button.copy"))).hasSameSizeAs(blocks);
		// one example in several languages is one block with a tab per language
		List<WebElement> tabs = browser.findElements(By.cssSelector(".tabs:first-of-type [role=tab]"));
		assertThat(tabs).extracting(WebElement::getText).contains("Python");
		WebElement python = tabs.stream().filter((tab) -> tab.getText().equals("Python")).findFirst().orElseThrow();
		python.click();
		assertThat(python.getAttribute("aria-selected")).isEqualTo("true");
		for (WebElement tab : tabs) {
			WebElement panel = browser.findElement(By.id(tab.getAttribute("aria-controls")));
			assertThat(panel.isDisplayed()).as(tab.getText()).isEqualTo(tab.equals(python));
		}
		browser.executeScript("arguments[0].scrollIntoView()", tabs.get(0));
		screenshot("pattern-page");
	}

	@Test
	void thePagesFitAPhonesWidth() {
		for (String path : new String[] { "/api/patterns", "/lab", "/lab/circuit-breaker", "/lab/rate-limiter",
				"/api/patterns/gen-pattern-004",
				"/api/lab/demos/fan-out/compare?runs=2&warmup=0&transport=in-process" }) {
			browser.get(url(path));
			JavascriptExecutor script = browser;
			// content wider than the screen widens a phone's viewport
			assertThat((Long) script.executeScript("return window.innerWidth;")).as(path + ": the viewport")
				.isEqualTo(WIDTH);
			long width = (Long) script.executeScript("return document.documentElement.scrollWidth;");
			assertThat(width).as(path + ": the page's width at " + WIDTH + " px").isLessThanOrEqualTo(WIDTH);
		}
	}

	@Test
	void theMainPagesHaveNoCriticalOrSeriousAccessibilityViolation() throws IOException {
		if (!Files.isReadable(AXE)) {
			assertThat(System.getenv("REQUIRE_BROWSER")).as("axe-core is required here, at " + AXE).isNull();
			Assumptions.abort("axe-core is not installed at " + AXE
					+ " (npm install --prefix target/tools axe-core, as .ci/run does)");
		}
		for (String path : new String[] { "/api/patterns", "/lab", "/lab/fan-out", "/lab/rate-limiter",
				"/api/patterns/gen-pattern-004", "/api/lab/demos/fan-out/compare?runs=2&warmup=0&transport=in-process",
				"/api/patterns/no-such-id" }) {
			browser.get(url(path));
			assertThat(seriousViolations()).as(path + ": critical and serious violations").isEmpty();
		}
	}

	/** What axe-core finds critical or serious on the page as it is now. */
	private static List<?> seriousViolations() throws IOException {
		JavascriptExecutor script = browser;
		script.executeScript(Files.readString(AXE));
		return (List<?>) script.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "axe.run(document).then((results) => done(results.violations"
				+ ".filter((v) => v.impact === 'critical' || v.impact === 'serious')"
				+ ".map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', '))));");
	}

	/**
	 * With {@code -Ddocs.write=true}, what the browser shows goes into the docs as
	 * {@code src/docs/images/<name>.png}.
	 */
	private static void screenshot(String name) {
		if (Boolean.getBoolean("docs.write")) {
			try {
				Files.write(Path.of("src/docs/images", name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static WebDriverWait wait(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

}
