package dev.patterncatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser for the tests that read the pages as a reader meets them: headless
 * Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by
 * Selenium, 390 px wide, a phone's width. {@code .ci/run} installs them and sets
 * {@code REQUIRE_BROWSER}, so that CI fails rather than skips without them; elsewhere the
 * tests are skipped, saying so, when they are not installed. A test class registers one
 * ({@code @RegisterExtension static final Browser chromium = new Browser();}), which
 * starts before its tests and quits after them.
 */
final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	static final int WIDTH = 390;

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

	/** axe-core, from the npm registry: {@code .ci/run} installs it with Spectral. */
	private static final Path AXE = Path.of("target/tools/node_modules/axe-core/axe.min.js");

	private @Nullable ChromeDriver driver;

	/** Where the browser saves what a page offers to download. */
	private @Nullable Path downloads;

	/** Why there is no browser, where none is installed and none is required. */
	private @Nullable String missing;

	/**
	 * Starts the browser; where there is none and none is required, each test is skipped
	 * with the reason.
	 */
	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			assertThat(System.getenv("REQUIRE_BROWSER"))
				.as("a browser is required here, at " + CHROMIUM + " with " + CHROMEDRIVER)
				.isNull();
			this.missing = "No browser at " + CHROMIUM + " with " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver, as .ci/run does)";
			return;
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
		// a phone's viewport: a desktop window is not made narrower than about 500 px
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", WIDTH, "height", 844, "pixelRatio", 1.0)));
		// the driver given, so that Selenium Manager looks for none on the internet
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
		this.downloads = Files.createTempDirectory("downloads");
		this.driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", this.downloads.toString()));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.missing != null) {
			Assumptions.abort(this.missing);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	ChromeDriver driver() {
		return Objects.requireNonNull(this.driver, "the browser starts before the tests");
	}

	Path downloads() {
		return Objects.requireNonNull(this.downloads, "the browser starts before the tests");
	}

	WebDriverWait waiting(int seconds) {
		return new WebDriverWait(driver(), Duration.ofSeconds(seconds));
	}

	/**
	 * With {@code -Ddocs.write=true}, what the browser shows goes into the docs as
	 * {@code src/docs/images/<name>.png}.
	 */
	void screenshot(String name) {
		if (Boolean.getBoolean("docs.write")) {
			try {
				Files.write(Path.of("src/docs/images", name + ".png"), driver().getScreenshotAs(OutputType.BYTES));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** Whether axe-core is installed; CI requires it. */
	static boolean hasAxe() {
		if (Files.isReadable(AXE)) {
			return true;
		}
		assertThat(System.getenv("REQUIRE_BROWSER")).as("axe-core is required here, at " + AXE).isNull();
		return false;
	}

	/** Skips the test unless axe-core is installed; CI requires it. */
	static void requireAxe() {
		if (!hasAxe()) {
			Assumptions.abort("axe-core is not installed at " + AXE
					+ " (npm install --prefix target/tools axe-core, as .ci/run does)");
		}
	}

	/** What axe-core finds critical or serious on the page as it is now. */
	List<?> seriousViolations() {
		JavascriptExecutor script = driver();
		try {
			script.executeScript(Files.readString(AXE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (List<?>) script.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "axe.run(document).then((results) => done(results.violations"
				+ ".filter((v) => v.impact === 'critical' || v.impact === 'serious')"
				+ ".map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', '))));");
	}

}
