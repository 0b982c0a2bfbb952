package dev.patterncatalog.catalog.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No document of the catalog has the id asked for: answered with 404.
 */
class PatternNotFound extends ErrorResponseException {

	PatternNotFound(String id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No pattern has the id '" + id + "'. GET /api/patterns lists them.");
		problem.setTitle("Pattern not found");
		problem.setProperty("id", id);
		return problem;
	}

}
