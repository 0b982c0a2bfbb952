package dev.patterncatalog.catalog;

import java.util.List;

/**
 * Small, valid pattern documents for tests.
 */
final class TestDocuments {

	/**
	 * The front matter of a valid document, for tests to vary.
	 */
	static final String FRONT = """
			---
			id: "gen-pattern-003"
			title: "Async/Await Patterns"
			category: "pattern"
			language: "all"
			version: "1.0.0"
			created_at: "2026-02-24"
			tags:
			  - async
			  - timeout
			---
			""";

	/**
	 * A valid document with every section the format knows.
	 */
	static final String DOCUMENT = FRONT + """

			# Async/Await Patterns

			A short lead.

			## Problem
			Independent work is **awaited** one after another.

			## Solution: Parallel vs Sequential Execution
			Start them together.

			**JavaScript:**
			```javascript
			await Promise.all([a(), b()]);
			```

			**Python:**
			```python
			await asyncio.gather(a(), b())
			```

			## When to Use
			- several independent calls
			- a `timeout` budget

			## When NOT to Use
			- dependent steps

			## Related Patterns
			- `gen-pattern-002` — Error Handling Patterns
			- `py-pattern-001` - Pythonic Patterns
			""";

	private TestDocuments() {
	}

	static String document(String id, String title, String category, List<String> tags, String... related) {
		StringBuilder text = new StringBuilder();
		text.append("---\n")
			.append("id: ")
			.append(id)
			.append('\n')
			.append("title: \"")
			.append(title)
			.append("\"\n")
			.append("category: ")
			.append(category)
			.append('\n')
			.append("language: all\n")
			.append("version: 1.0.0\n")
			.append("created_at: 2026-03-0")
			.append(1 + Math.abs(id.hashCode() % 9))
			.append('\n')
			.append("tags: [")
			.append(String.join(", ", tags))
			.append("]\n")
			.append("---\n\n# ")
			.append(title)
			.append("\n\n")
			.append("## Problem\nThe problem of ")
			.append(title)
			.append(".\n\n")
			.append("## Solution: Do it\n```java\nMono.just(\"")
			.append(id)
			.append("\");\n```\n\n")
			.append("## Related Patterns\n");
		for (String link : related) {
			text.append("- `").append(link).append("` — linked\n");
		}
		return text.toString();
	}

	static SourceFile file(String name, String content, boolean builtin) {
		return SourceFile.of((builtin ? "classpath:patterns/" : "file:/tmp/patterns/") + name, content, builtin);
	}

}
