package dev.patterncatalog.lab.run;

/**
 * A backend call failed for a reason of the lab's own, not the backend's models: the
 * backends' server refused it or could not be reached.
 */
public class BackendUnreachable extends RuntimeException {

	BackendUnreachable(String message) {
		super(message);
	}

}
