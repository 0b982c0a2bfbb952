package dev.patterncatalog.lab.run;

import java.time.Duration;

/**
 * A backend did not answer within the caller's timeout.
 */
public class BackendTimedOut extends RuntimeException {

	public BackendTimedOut(String backend, Duration timeout) {
		super("Backend '" + backend + "' did not answer within " + timeout.toMillis() + " ms");
	}

}
