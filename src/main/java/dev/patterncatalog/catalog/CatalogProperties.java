package dev.patterncatalog.catalog;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the catalog comes from and how it is kept live.
 *
 * @param location a folder of {@code .md} documents, such as {@code file:/srv/patterns/};
 * none by default
 * @param includeBuiltin whether the documents shipped with the service are served too
 * @param strict whether any load problem fails startup, for catalog authors' CI
 * @param watch whether changes in {@code location} are picked up without a restart
 * @param reloadDebounce how long the folder's files must keep their sizes and times
 * before a reload, so that a burst of saves is one reload and a file being written is not
 * read half-way; also how often the folder is checked
 * @param reloadTimeout how long the first load may take before the startup stops; a
 * reload that takes longer is logged
 * @param cacheMaxAge how long clients may cache a catalog response before revalidating it
 * with its ETag
 */
@ConfigurationProperties("catalog")
@Validated
public record CatalogProperties(@Nullable String location, @DefaultValue("true") boolean includeBuiltin,
		@DefaultValue("false") boolean strict, @DefaultValue("true") boolean watch,
		@DefaultValue("300ms") @NotNull Duration reloadDebounce, @DefaultValue("30s") @NotNull Duration reloadTimeout,
		@DefaultValue("60s") @NotNull Duration cacheMaxAge) {
}
