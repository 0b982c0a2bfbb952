package dev.patterncatalog.catalog.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request's {@code If-Match} names none of the answer's current representations:
 * answered with 412 and the current ETag.
 */
class PreconditionFailed extends ErrorResponseException {

	PreconditionFailed(String etag) {
		super(HttpStatus.PRECONDITION_FAILED, problem(etag), null);
		getHeaders().setETag(etag);
	}

	private static ProblemDetail problem(String etag) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
				"If-Match names no current representation of this resource; its ETag is " + etag + ".");
		problem.setTitle("Precondition failed");
		return problem;
	}

}
