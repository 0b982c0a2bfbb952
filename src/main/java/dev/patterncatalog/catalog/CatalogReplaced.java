package dev.patterncatalog.catalog;

/**
 * A search reached a catalog version after it had been replaced and its index view
 * released: asking again finds the version now served.
 */
public class CatalogReplaced extends RuntimeException {

	CatalogReplaced() {
		super("the catalog version was replaced while the search waited", null, false, false);
	}

}
