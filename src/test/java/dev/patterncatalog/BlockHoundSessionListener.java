package dev.patterncatalog;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound once for the whole test run, before any test class loads, so that a
 * blocking call on an event-loop or parallel thread fails the test that made it.
 * {@code install()} also loads the Reactor integration, which marks Reactor's
 * non-blocking threads.
 */
public class BlockHoundSessionListener implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		BlockHound.install((builder) -> builder
			// Netty 4.2's adaptive allocator takes a StampedLock for a few instructions
			// when it adds a magazine
			// under contention: synchronization, not I/O (netty/netty#14560 allowed its
			// siblings)
			.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines")
			// Jackson locks its deserializer cache while it builds a type's deserializer,
			// once per type
			.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
					"_createAndCacheValueDeserializer")
			// resilience4j's rate limiter parks for a nanosecond between compare-and-set
			// retries under
			// contention: a spin back-off, not a wait for anything
			.allowBlockingCallsInside("io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter",
					"compareAndSet"));
	}

}
