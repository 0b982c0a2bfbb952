package dev.patterncatalog.lab;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The lab is at a limit it sets itself: answered with 429 or 503 and a Retry-After
 * header.
 */
public class LabBusy extends ErrorResponseException {

	public LabBusy(HttpStatus status, String title, String detail) {
		super(status, problem(status, title, detail), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
