package dev.patterncatalog.lab;

import dev.patterncatalog.system.RetryLater;

import org.springframework.http.HttpStatus;

/**
 * The lab is at a limit it sets itself: answered with 429 or 503 and a Retry-After
 * header.
 */
public class LabBusy extends RetryLater {

	public LabBusy(HttpStatus status, String title, String detail) {
		super(status, title, detail);
	}

}
