package dev.patterncatalog.lab.demo;

import java.util.Set;

import dev.patterncatalog.lab.run.Run;
import dev.patterncatalog.lab.run.Theory;
import dev.patterncatalog.lab.run.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A live demonstration of a pattern: variants that differ by exactly one technique, run
 * against simulated backends.
 *
 * @param <P> the record of the demo's own parameters, which describes them (see
 * {@link DemoParameters})
 */
public interface Demo<P extends Record> {

	DemoDescriptor descriptor();

	Class<P> parameterType();

	/**
	 * Runs one variant once, making its backend calls through {@code run}.
	 * <p>
	 * An error means the variant as a whole failed, as fail-fast does by design; it is
	 * reported in the timeline, not as an HTTP error. Cancelling the returned Mono
	 * cancels every backend call still in flight, except where a variant detaches its
	 * work on purpose.
	 */
	Mono<?> run(String variant, P parameters, Run run);

	/**
	 * Checks what single parameters cannot: how they fit together.
	 * @throws dev.patterncatalog.system.InvalidParameter naming the parameter at fault
	 */
	default void validate(P parameters) {
	}

	/**
	 * What theory predicts for a variant, if it predicts anything.
	 */
	default @Nullable Theory theory(String variant, P parameters) {
		return null;
	}

	/**
	 * The figure a comparison collects percentiles of: by default the run's total time.
	 */
	default double metricMs(Timeline timeline) {
		return timeline.totalMs();
	}

	/**
	 * The backends this demo makes up itself rather than take from configuration: the
	 * registry keeps them apart from ad-hoc ones.
	 */
	default Set<String> ownBackends() {
		return Set.of();
	}

	/**
	 * The most backend calls one run may have in flight at once, which bounds what a
	 * comparison of this demo holds in memory.
	 */
	default int callsInFlight(P parameters) {
		return 1;
	}

	/**
	 * How many runs of this demo may execute at once, whatever concurrency a comparison
	 * asks for.
	 */
	default int maxConcurrentRuns() {
		return Integer.MAX_VALUE;
	}

}
