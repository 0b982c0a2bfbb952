/**
 * HTTP API of the latency lab: demos, comparisons, jobs and their guard rails.
 */
@NullMarked
package dev.patterncatalog.lab.web;

import org.jspecify.annotations.NullMarked;
