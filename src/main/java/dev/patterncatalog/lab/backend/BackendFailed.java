package dev.patterncatalog.lab.backend;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A simulated backend failed a call, as its failure model asked; over HTTP it answers
 * with the model's status.
 */
public class BackendFailed extends ErrorResponseException {

	public BackendFailed(String backend, int status, String detail) {
		super(HttpStatusCode.valueOf(status), problem(backend, status, detail), null);
	}

	private static ProblemDetail problem(String backend, int status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		problem.setTitle("Backend '" + backend + "' failed");
		problem.setProperty("backend", backend);
		return problem;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail() + " (" + getStatusCode().value() + ")";
	}

}
