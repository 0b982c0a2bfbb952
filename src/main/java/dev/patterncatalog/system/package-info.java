/**
 * Cross-cutting web concerns: RFC 9457 problem details, request validation, OpenAPI.
 */
@NullMarked
package dev.patterncatalog.system;

import org.jspecify.annotations.NullMarked;
