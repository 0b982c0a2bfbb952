/**
 * The demos: each pattern's variants, parameters and theory, run once and measured by the
 * runner.
 */
@NullMarked
package dev.patterncatalog.lab.demo;

import org.jspecify.annotations.NullMarked;
