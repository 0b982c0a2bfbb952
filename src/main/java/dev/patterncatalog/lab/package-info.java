/**
 * The latency lab: demos of async patterns run live against simulated backends, measured
 * with percentiles.
 */
@NullMarked
package dev.patterncatalog.lab;

import org.jspecify.annotations.NullMarked;
