package dev.patterncatalog.lab.demo;

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
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A flaky backend, called once (none) or with resilience4j retries spaced by exponential
 * backoff with jitter (backoff). Compare the success rate against the latency the retries
 * cost.
 */
@Component
final class RetryDemo extends DescribedDemo {

	RetryDemo(LabProperties properties) {
		super(new DemoDescriptor("retry", "gen-pattern-009", "Retry with exponential backoff and jitter",
				"Calls a backend that fails at random, once (none) or retried by resilience4j with exponential"
						+ " backoff and ±50 % jitter (backoff).",
				List.of("none", "backoff"),
				List.of(SharedParameters.delay(properties, 20, "the backend's latency"),
						ParameterSpec.fraction("error-rate", 0.5, "probability that a call fails"),
						ParameterSpec.integer("attempts", 4, 1, 10, "attempts in all, with retries"),
						ParameterSpec.millis("backoff", 20, 5000, "wait before the first retry; doubles after"),
						SharedParameters.timeout(properties, "each attempt's timeout")),
				"total time of a run, ms")
			.comparedBy(400, 20));
	}

	@Override
	public Set<String> ownBackends() {
		return Set.of("flaky");
	}

	@Override
	public Mono<?> run(String variant, DemoParameters parameters, Run run) {
		BackendSpec flaky = BackendSpec.fixed("flaky", parameters.number("delay"))
			.withFailure(new FailureModel(parameters.number("error-rate"), 503, 0, false));
		Duration timeout = parameters.millis("timeout");
		AtomicInteger attempt = new AtomicInteger();
		Mono<BackendReply> call = Mono.defer(() -> run.call(flaky, attempt.incrementAndGet(), timeout));
		if (variant.equals("none")) {
			return call;
		}
		Retry retry = Retry.of("lab-retry",
				RetryConfig.custom()
					.maxAttempts(parameters.integer("attempts"))
					.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(parameters.millis("backoff"), 2, 0.5))
					.build());
		return call.transformDeferred(RetryOperator.of(retry));
	}

}
