package dev.patterncatalog.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request parameter that is missing, repeated, unknown or out of its bounds: answered
 * with 400 and the parameter's name in the problem's {@code parameter} property.
 */
public class InvalidParameter extends ErrorResponseException {

	public InvalidParameter(String parameter, String detail) {
		super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
	}

	private static ProblemDetail problem(String parameter, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid parameter '" + parameter + "'");
		problem.setProperty("parameter", parameter);
		return problem;
	}

	public String parameter() {
		return (String) getBody().getProperties().get("parameter");
	}

}
