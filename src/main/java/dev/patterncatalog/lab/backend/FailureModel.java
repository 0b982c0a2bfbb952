package dev.patterncatalog.lab.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a simulated backend fails.
 *
 * @param errorRate the probability that a call fails
 * @param errorStatus the HTTP status a failed call answers with
 * @param failFirst how many attempts fail before the backend recovers: a call whose
 * attempt number is at most this fails
 * @param hang whether calls never answer, so that only the caller's timeout ends them
 */
public record FailureModel(@JsonProperty("error_rate") double errorRate, @JsonProperty("error_status") int errorStatus,
		@JsonProperty("fail_first") int failFirst, boolean hang) {

	public static final FailureModel NONE = new FailureModel(0, 503, 0, false);

	/**
	 * Whether a call fails, given its attempt number and a draw from [0, 1).
	 */
	boolean fails(int attempt, double draw) {
		return attempt <= this.failFirst || draw < this.errorRate;
	}

}
