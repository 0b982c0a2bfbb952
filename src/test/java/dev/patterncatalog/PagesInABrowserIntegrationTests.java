package dev.patterncatalog;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's pages in a real browser ({@link Browser}): the catalog searched from its
 * index and a document's examples read, then every main page at a phone's width and
 * checked by axe-core for critical and serious accessibility violations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PagesInABrowserIntegrationTests {

	@LocalServerPort
	int port;

	@RegisterExtension
	static final Browser chromium = new Browser();

	@Test
	void searchTheCatalogAsYouTypeThenReadADocumentsExamples() {
		chromium.driver().get(url("/api/patterns"));
		String everything = chromium.driver().findElement(By.id("summary")).getText();
		chromium.driver().findElement(By.id("q")).sendKeys("retry");
		// the list follows the typing, and the address the search
		chromium.waiting(10).until(ExpectedConditions.urlContains("q=retry"));
		chromium.waiting(10).until((driver) -> !driver.findElement(By.id("summary")).getText().equals(everything));
		List<WebElement> found = chromium.driver().findElements(By.cssSelector("#patterns li > a"));
		assertThat(found).extracting(WebElement::getText).anyMatch((title) -> title.contains("Retry with Backoff"));
		new Select(chromium.driver().findElement(By.id("category"))).selectByValue("resilience");
		chromium.waiting(10).until(ExpectedConditions.urlContains("category=resilience"));
		chromium.screenshot("catalog-index");

		chromium.driver().findElement(By.partialLinkText("Retry with Backoff")).click();
		chromium.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article h1")));
		// every section in the contents, every code block highlighted and with a copy
		// button
		assertThat(chromium.driver().findElements(By.cssSelector(".toc a")))
			.hasSameSizeAs(chromium.driver().findElements(By.cssSelector("article h2")));
		List<WebElement> blocks = chromium.driver().findElements(By.cssSelector("article pre"));
		assertThat(chromium.driver().findElements(By.cssSelector("article pre code.hljs"))).hasSameSizeAs(blocks);
		assertThat(chromium.driver().findElements(By.cssSelector("article pre button.copy"))).hasSameSizeAs(blocks);
		// one example in several languages is one block with a tab per language
		List<WebElement> tabs = chromium.driver().findElements(By.cssSelector(".tabs:first-of-type [role=tab]"));
		assertThat(tabs).extracting(WebElement::getText).contains("Python");
		WebElement python = tabs.stream().filter((tab) -> tab.getText().equals("Python")).findFirst().orElseThrow();
		python.click();
		assertThat(python.getAttribute("aria-selected")).isEqualTo("true");
		for (WebElement tab : tabs) {
			WebElement panel = chromium.driver().findElement(By.id(tab.getAttribute("aria-controls")));
			assertThat(panel.isDisplayed()).as(tab.getText()).isEqualTo(tab.equals(python));
		}
		chromium.driver().executeScript("arguments[0].scrollIntoView()", tabs.get(0));
		chromium.screenshot("pattern-page");
	}

	@Test
	void thePagesFitAPhonesWidth() {
		for (String path : new String[] { "/api/patterns", "/lab", "/lab/circuit-breaker", "/lab/rate-limiter",
				"/api/patterns/gen-pattern-004",
				"/api/lab/demos/fan-out/compare?runs=2&warmup=0&transport=in-process" }) {
			chromium.driver().get(url(path));
			JavascriptExecutor script = chromium.driver();
			// content wider than the screen widens a phone's viewport
			assertThat((Long) script.executeScript("return window.innerWidth;")).as(path + ": the viewport")
				.isEqualTo(Browser.WIDTH);
			long width = (Long) script.executeScript("return document.documentElement.scrollWidth;");
			assertThat(width).as(path + ": the page's width at " + Browser.WIDTH + " px")
				.isLessThanOrEqualTo(Browser.WIDTH);
		}
	}

	@Test
	void theMainPagesHaveNoCriticalOrSeriousAccessibilityViolation() {
		Browser.requireAxe();
		for (String path : new String[] { "/api/patterns", "/lab", "/lab/fan-out", "/lab/rate-limiter",
				"/api/patterns/gen-pattern-004", "/api/lab/demos/fan-out/compare?runs=2&warmup=0&transport=in-process",
				"/api/patterns/no-such-id" }) {
			chromium.driver().get(url(path));
			assertThat(chromium.seriousViolations()).as(path + ": critical and serious violations").isEmpty();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
