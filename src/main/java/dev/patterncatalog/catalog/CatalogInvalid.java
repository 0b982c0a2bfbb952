package dev.patterncatalog.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at startup in strict mode when loading the catalog found problems.
 */
public class CatalogInvalid extends RuntimeException {

	CatalogInvalid(List<CatalogProblem> problems) {
		super(problems.size() + " catalog problem(s) with catalog.strict=true:\n"
				+ problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n")));
	}

}
