package dev.patterncatalog.catalog.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How many bytes of prepared answers each catalog version keeps, so that memory does not
 * grow with the catalog or with what requests ask for.
 *
 * @param documents the documents' representations (JSON, Markdown, HTML, related links,
 * examples, with their compressed copies), prepared on first request; a catalog that fits
 * in half of this is prepared whole when it is loaded
 * @param queries listings, searches and facet counts, prepared on first request
 */
@ConfigurationProperties("catalog.prepared")
@Validated
record PreparedLimits(@DefaultValue("32MB") @NotNull DataSize documents,
		@DefaultValue("16MB") @NotNull DataSize queries) {
}
