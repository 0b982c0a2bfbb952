package dev.patterncatalog.lab.demo;

import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_DELAY;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.backend.FailureModel;
import dev.patterncatalog.lab.run.Run;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.BindParam;

/**
 * A flaky backend, called once (none) or with resilience4j retries spaced by exponential
 * backoff with jitter (backoff). Compare the success rate against the latency the retries
 * cost.
 */
@Component
final class RetryDemo extends DescribedDemo<RetryDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(
			@Schema(description = "the backend's latency",
					defaultValue = "20") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double delay,
			@BindParam("error-rate") @Schema(description = "probability that a call fails",
					defaultValue = "0.5") @DecimalMin("0") @DecimalMax("1") double errorRate,
			@Schema(description = "attempts in all, with retries", defaultValue = "4") @Min(1) @Max(10) int attempts,
			@Schema(description = "wait before the first retry; doubles after",
					defaultValue = "20") @Millis @DecimalMin("0") @DecimalMax("5000") double backoff,
			@Schema(description = "each attempt's timeout",
					defaultValue = "5000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double timeout) {
	}

	RetryDemo(LabProperties properties) {
		super(Parameters.class, properties,
				new DemoDescriptor("retry", "gen-pattern-009", "Retry with exponential backoff and jitter",
						"Calls a backend that fails at random, once (none) or retried by resilience4j with exponential"
								+ " backoff and ±50 % jitter (backoff).",
						List.of("none", "backoff"), "total time of a run, ms")
					.comparedBy(400, 20));
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("flaky");
	}

	@Override
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		BackendSpec flaky = BackendSpec.fixed("flaky", parameters.delay())
			.withFailure(new FailureModel(parameters.errorRate(), 503, 0, false));
		Duration timeout = DemoParameters.millis(parameters.timeout());
		AtomicInteger attempt = new AtomicInteger();
		Mono<BackendReply> call = Mono.defer(() -> run.call(flaky, attempt.incrementAndGet(), timeout));
		if (variant.equals("none")) {
			return call;
		}
		Retry retry = Retry.of("lab-retry", RetryConfig.custom()
			.maxAttempts(parameters.attempts())
			.intervalFunction(
					IntervalFunction.ofExponentialRandomBackoff(DemoParameters.millis(parameters.backoff()), 2, 0.5))
			.build());
		return call.transformDeferred(RetryOperator.of(retry));
	}

}
