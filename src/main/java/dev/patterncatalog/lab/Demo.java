package dev.patterncatalog.lab;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A live demonstration of a pattern: variants that differ by exactly one technique, run
 * against simulated backends.
 */
public interface Demo {

	DemoDescriptor descriptor();

	/**
	 * Runs one variant once, making its backend calls through {@code run}.
	 * <p>
	 * An error means the variant as a whole failed, as fail-fast does by design; it is
	 * reported in the timeline, not as an HTTP error. Cancelling the returned Mono
	 * cancels every backend call still in flight, except where a variant detaches its
	 * work on purpose.
	 */
	Mono<?> run(String variant, DemoParameters parameters, Run run);

	/**
	 * Checks what single parameters cannot: how they fit together.
	 * @throws dev.patterncatalog.system.InvalidParameter naming the parameter at fault
	 */
	default void validate(DemoParameters parameters) {
	}

	/**
	 * What theory predicts for a variant, if it predicts anything.
	 */
	default @Nullable Theory theory(String variant, DemoParameters parameters) {
		return null;
	}

	/**
	 * The figure a comparison collects percentiles of: by default the run's total time.
	 */
	default double metricMs(Timeline timeline) {
		return timeline.totalMs();
	}

	/**
	 * How many runs of this demo may execute at once, whatever concurrency a comparison
	 * asks for.
	 */
	default int maxConcurrentRuns() {
		return Integer.MAX_VALUE;
	}

}
