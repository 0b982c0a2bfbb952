package dev.patterncatalog.lab.run;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How demos reach their backends.
 */
public enum Transport {

	/**
	 * Real HTTP calls to the backend endpoint, through a connection pool: what a service
	 * really does.
	 */
	HTTP,

	/**
	 * The backend's timer is subscribed to directly: pure Reactor, no network, no
	 * serialization.
	 */
	IN_PROCESS;

	@JsonValue
	public String parameter() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
