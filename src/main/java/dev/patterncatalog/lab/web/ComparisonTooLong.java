package dev.patterncatalog.lab.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A comparison, its answer's delivery included, did not finish within the lab's limit: it
 * was stopped, and its permit freed.
 */
class ComparisonTooLong extends ErrorResponseException {

	ComparisonTooLong(Duration limit) {
		super(HttpStatus.BAD_REQUEST, problem(limit), null);
	}

	private static ProblemDetail problem(Duration limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The comparison did not finish within " + limit.toSeconds()
						+ " s (lab.limits.max-comparison-duration), and was stopped. Ask for fewer runs, shorter"
						+ " latencies or a higher concurrency.");
		problem.setTitle("Comparison too long");
		return problem;
	}

}
