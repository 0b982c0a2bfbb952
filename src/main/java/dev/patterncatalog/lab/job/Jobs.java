package dev.patterncatalog.lab.job;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.backend.BackendSpec;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Long-running jobs: each batch is a call to backend 'batch' that takes the batch's time.
 * At most {@value #MAX_JOBS} jobs are kept; finished ones make room for new ones.
 */
@Component
public class Jobs implements DisposableBean {

	static final int MAX_JOBS = 100;

	/** No job may run longer than this, however many batches it asks for. */
	static final Duration MAX_DURATION = Duration.ofMinutes(10);

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	private final Disposable.Composite running = Disposables.composite();

	private final BackendRegistry backends;

	private final LabProperties properties;

	private final Clock clock = Clock.systemUTC();

	Jobs(BackendRegistry backends, LabProperties properties) {
		this.backends = backends;
		backends.reserve("batch");
		this.properties = properties;
	}

	public synchronized Job start(int batches, Duration batchTime) {
		if (this.jobs.size() >= MAX_JOBS) {
			this.jobs.values()
				.stream()
				.filter(Job::isFinished)
				.min(Comparator.comparing((Job job) -> job.status().startedAt()))
				.ifPresent((oldest) -> this.jobs.remove(oldest.id()));
		}
		if (this.jobs.size() >= MAX_JOBS) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					MAX_JOBS + " jobs are running; cancel one or wait for one to finish.");
			problem.setTitle("Too many jobs");
			ErrorResponseException busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
			busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			throw busy;
		}
		Job job = new Job(newId(), batches, batchTime.toNanos() / 1e6, this.clock.instant());
		this.jobs.put(job.id(), job);
		BackendSpec batch = BackendSpec.fixed("batch", batchTime.toNanos() / 1e6);
		Disposable[] subscription = new Disposable[1];
		subscription[0] = Flux.range(0, batches)
			// cooperative cancellation: checked between batches, never inside one
			.takeWhile((i) -> !job.cancelRequested())
			.concatMap((i) -> this.backends.backend("batch")
				.call(batch, i, 0, this.properties.limits().maxHang())
				.doOnSuccess((reply) -> job.batchDone()))
			.timeout(MAX_DURATION)
			.doFinally((signal) -> {
				if (subscription[0] != null) {
					this.running.remove(subscription[0]);
				}
			})
			.subscribe(null, (ex) -> job.ended(Job.State.FAILED, this.clock.instant()), () -> job
				.ended(job.cancelRequested() ? Job.State.CANCELLED : Job.State.COMPLETED, this.clock.instant()));
		this.running.add(subscription[0]);
		return job;
	}

	/**
	 * A short random id. Not UUID.randomUUID(): SecureRandom may read /dev/urandom, a
	 * blocking call on the event loop, and job ids need no cryptographic strength.
	 */
	private String newId() {
		String id;
		do {
			id = String.format("%08x", ThreadLocalRandom.current().nextInt());
		}
		while (this.jobs.containsKey(id));
		return id;
	}

	public Optional<Job> find(String id) {
		return Optional.ofNullable(this.jobs.get(id));
	}

	public Collection<Job.Status> list() {
		return this.jobs.values()
			.stream()
			.map(Job::status)
			.sorted(Comparator.comparing(Job.Status::startedAt))
			.toList();
	}

	/**
	 * Asks a job to stop after its current batch.
	 */
	public Optional<Job> cancel(String id) {
		Optional<Job> job = find(id);
		job.ifPresent(Job::requestCancel);
		return job;
	}

	@Override
	public void destroy() {
		this.running.dispose();
	}

}
