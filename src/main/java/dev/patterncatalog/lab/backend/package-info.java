/**
 * Simulated slow backends: latency and failure models, call counters, and their HTTP
 * endpoint.
 */
@NullMarked
package dev.patterncatalog.lab.backend;

import org.jspecify.annotations.NullMarked;
