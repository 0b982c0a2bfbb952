package dev.patterncatalog.lab;

import java.time.Duration;

/**
 * A backend did not answer within the caller's timeout.
 */
class BackendTimedOut extends RuntimeException {

	BackendTimedOut(String backend, Duration timeout) {
		super("Backend '" + backend + "' did not answer within " + timeout.toMillis() + " ms");
	}

}
