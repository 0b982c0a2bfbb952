/**
 * One run of a demo and how it is measured: the timeline of its backend calls, the
 * transports that carry them, the lab's own overhead and the verdict on whether the
 * figures can be trusted.
 */
@NullMarked
package dev.patterncatalog.lab.run;

import org.jspecify.annotations.NullMarked;
