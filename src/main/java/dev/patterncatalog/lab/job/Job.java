package dev.patterncatalog.lab.job;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A long-running job made of batches. Cancelling it is cooperative: the batch in progress
 * finishes, and no further batch starts, so the job never stops halfway through a batch.
 */
public final class Job {

	private final String id;

	private final int batches;

	private final double batchMs;

	private final Instant startedAt;

	private final AtomicInteger completed = new AtomicInteger();

	private volatile State state = State.RUNNING;

	private volatile boolean cancelRequested;

	private volatile @Nullable Instant endedAt;

	Job(String id, int batches, double batchMs, Instant startedAt) {
		this.id = id;
		this.batches = batches;
		this.batchMs = batchMs;
		this.startedAt = startedAt;
	}

	public String id() {
		return this.id;
	}

	boolean cancelRequested() {
		return this.cancelRequested;
	}

	void batchDone() {
		this.completed.incrementAndGet();
	}

	/**
	 * Asks the job to stop after its current batch.
	 */
	void requestCancel() {
		if (this.state == State.RUNNING) {
			this.cancelRequested = true;
			this.state = State.CANCELLING;
		}
	}

	void ended(State state, Instant at) {
		this.state = state;
		this.endedAt = at;
	}

	boolean isFinished() {
		return this.state != State.RUNNING && this.state != State.CANCELLING;
	}

	public Status status() {
		return new Status(this.id, this.state, this.batches, this.completed.get(), this.batchMs, this.startedAt,
				this.endedAt);
	}

	/**
	 * What a job has done so far.
	 */
	@Schema(name = "JobStatus")
	public record Status(@Schema(example = "7f3a9c21") String id, State state, int batches,
			@JsonProperty("completed_batches") int completedBatches, @JsonProperty("batch_ms") double batchMs,
			@JsonProperty("started_at") Instant startedAt, @JsonProperty("ended_at") @Nullable Instant endedAt) {
	}

	public enum State {

		RUNNING, CANCELLING, CANCELLED, COMPLETED, FAILED

	}

}
