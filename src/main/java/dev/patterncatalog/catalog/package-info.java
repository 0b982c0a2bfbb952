/**
 * Pattern documents: parsed from Markdown with YAML front matter, validated, indexed,
 * searched and kept live.
 */
@NullMarked
package dev.patterncatalog.catalog;

import org.jspecify.annotations.NullMarked;
