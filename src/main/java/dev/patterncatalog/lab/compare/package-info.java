/**
 * Comparisons of a demo's variants over many runs: percentiles with confidence intervals,
 * ratios, open and closed load.
 */
@NullMarked
package dev.patterncatalog.lab.compare;

import org.jspecify.annotations.NullMarked;
