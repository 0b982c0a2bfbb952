package dev.patterncatalog.lab.run;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How one backend call of a demo run ended, as the caller saw it.
 */
public enum Outcome {

	/** The backend answered. */
	OK,

	/** The backend failed, or a resilience operator refused the call. */
	ERROR,

	/** The caller's timeout fired first; the backend call was abandoned and cancelled. */
	TIMEOUT,

	/** The call was cancelled: a sibling failed, a hedge won, or the client went away. */
	CANCELLED,

	/** A default value stood in for an answer. */
	FALLBACK;

	private final String json = name().toLowerCase(Locale.ROOT);

	@JsonValue
	String json() {
		return this.json;
	}

}
