/**
 * HTTP API of the catalog: listing, search, facets and content-negotiated documents,
 * prepared once per catalog version.
 */
@NullMarked
package dev.patterncatalog.catalog.web;

import org.jspecify.annotations.NullMarked;
