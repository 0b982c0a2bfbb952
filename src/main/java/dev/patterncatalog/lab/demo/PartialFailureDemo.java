package dev.patterncatalog.lab.demo;

import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_DELAY;
import static dev.patterncatalog.lab.demo.UpTo.Limit.MAX_FAN_OUT;

import java.time.Duration;
import java.util.List;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.backend.BackendReply;
import dev.patterncatalog.lab.backend.BackendSpec;
import dev.patterncatalog.lab.backend.FailureModel;
import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theories;
import dev.patterncatalog.lab.run.Theory;
import dev.patterncatalog.system.InvalidParameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * One backend of a fan-out fails: fail-fast lets the first error cancel its siblings;
 * settle-all reports every outcome, like {@code Promise.allSettled} or
 * {@code gather(return_exceptions=True)}.
 */
@Component
final class PartialFailureDemo extends DescribedDemo<PartialFailureDemo.Parameters> {

	/** The demo's own parameters. */
	record Parameters(
			@Schema(description = "the backends to call",
					defaultValue = "profile,settings,notifications") @UpTo(MAX_FAN_OUT) List<String> backends,
			@Schema(description = "the backend (one of 'backends') that fails every call",
					defaultValue = "notifications") String failing,
			@Schema(description = "each call's timeout",
					defaultValue = "5000") @Millis @DecimalMin("0") @UpTo(MAX_DELAY) double timeout) {
	}

	private final BackendRegistry registry;

	PartialFailureDemo(BackendRegistry registry, LabProperties properties) {
		super(Parameters.class, properties,
				new DemoDescriptor("partial-failure", "gen-pattern-005", "Fail fast against settle all",
						"A fan-out in which one backend always fails: Mono.zip fails at once and cancels the others"
								+ " (fail-fast), or every outcome is collected as a value (settle-all).",
						List.of("fail-fast", "settle-all"), "total time of a run, ms"));
		this.registry = registry;
	}

	@Override
	public void validate(Parameters parameters) {
		if (!parameters.backends().contains(parameters.failing())) {
			throw new InvalidParameter("failing", "Parameter 'failing' must be one of the backends called: "
					+ String.join(", ", parameters.backends()) + ".");
		}
	}

	@Override
	public int callsInFlight(Parameters parameters) {
		return parameters.backends().size();
	}

	@Override
	public Mono<?> run(String variant, Parameters parameters, Run run) {
		Duration timeout = DemoParameters.millis(parameters.timeout());
		List<Mono<BackendReply>> calls = LabBackends.named(this.registry, "backends", parameters.backends())
			.stream()
			.map((backend) -> backend.name().equals(parameters.failing())
					? backend.withFailure(new FailureModel(1, 503, 0, false)) : backend)
			.map((backend) -> run.call(backend, 0, timeout))
			.toList();
		if (variant.equals("fail-fast")) {
			return Mono.zip(calls, (replies) -> replies.length);
		}
		return Flux.fromIterable(calls)
			.flatMap((call) -> call.map((ok) -> true).onErrorResume((ex) -> Mono.just(false)))
			.collectList()
			.doOnNext((outcomes) -> {
				run.fact("succeeded", outcomes.stream().filter((ok) -> ok).count());
				run.fact("failed", outcomes.stream().filter((ok) -> !ok).count());
			});
	}

	@Override
	public Theory theory(String variant, Parameters parameters) {
		List<BackendSpec> backends = LabBackends.named(this.registry, "backends", parameters.backends());
		if (variant.equals("fail-fast")) {
			BackendSpec failing = LabBackends.named(this.registry, "failing", parameters.failing());
			return new Theory("total_ms", Theories.round(failing.latency().meanMs()),
					"the failing backend's mean latency: its error ends the run");
		}
		return Theories.parallel(backends);
	}

}
