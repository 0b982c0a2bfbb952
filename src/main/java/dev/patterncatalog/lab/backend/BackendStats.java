package dev.patterncatalog.lab.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The calls of one backend so far. Every call started ends exactly once as completed,
 * failed or cancelled; those in flight have not ended yet.
 *
 * @param cancelled calls whose caller went away before the answer: their timers were
 * disposed
 */
public record BackendStats(String backend, @JsonProperty("in_flight") long inFlight, long started, long completed,
		long failed, long cancelled) {
}
