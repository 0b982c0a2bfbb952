package dev.patterncatalog.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused at a limit the service sets itself: answered with 429 or 503, a
 * problem saying which limit, and a Retry-After header.
 */
public class RetryLater extends ErrorResponseException {

	public RetryLater(HttpStatus status, String title, String detail) {
		super(status, problem(status, title, detail), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
