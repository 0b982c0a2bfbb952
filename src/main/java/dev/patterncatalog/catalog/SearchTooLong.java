package dev.patterncatalog.catalog;

import java.time.Duration;

/**
 * A search gave up at its time budget: the query expands over too many terms for the time
 * it was given, or the machine was too busy to finish it.
 */
public class SearchTooLong extends RuntimeException {

	private final Duration budget;

	public SearchTooLong(Duration budget) {
		super("the search took longer than its budget of " + budget.toMillis() + " ms", null, false, false);
		this.budget = budget;
	}

	public Duration budget() {
		return this.budget;
	}

}
