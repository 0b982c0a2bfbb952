package dev.patterncatalog.catalog.web;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What searches may take, so that no query load starves document reads.
 *
 * @param budget how long one search may run before it gives up (503)
 * @param threads how many searches run at once, off the event loop
 * @param queue how many more may wait for a thread before new ones are refused (503)
 * @param perSecond how many searches not answered from the cache may start per second
 * (429 beyond)
 */
@ConfigurationProperties("catalog.search")
@Validated
record SearchLimits(@DefaultValue("1s") @NotNull Duration budget, @DefaultValue("2") @Min(1) int threads,
		@DefaultValue("64") @Min(1) int queue, @DefaultValue("500") @Min(1) int perSecond) {
}
