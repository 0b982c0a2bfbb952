package dev.patterncatalog.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A problem as it is logged.
 */
class CatalogProblemTests {

	@Test
	void aLineBreakInAnIdOrFileNameCannotForgeALogLine() {
		CatalogProblem problem = CatalogProblem.error("file:/srv/a\nb.md", 2,
				"'x\r\n2026-12-02 INFO forged' is not a pattern id\u2028");

		assertThat(problem.toString()).doesNotContain("\n", "\r", "\u2028")
			.isEqualTo("file:/srv/a\\u000ab.md:2: ERROR: 'x\\u000d\\u000a2026-12-02 INFO forged' is not a pattern id"
					+ "\\u2028");
		// the API gives the message as it is
		assertThat(problem.message()).contains("\r\n");
	}

}
