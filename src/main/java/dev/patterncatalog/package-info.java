/**
 * Reactive pattern catalog: pattern documents served over HTTP, and a latency lab that
 * runs them live.
 */
@NullMarked
package dev.patterncatalog;

import org.jspecify.annotations.NullMarked;
