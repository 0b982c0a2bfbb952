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
		BlockHound.install();
	}

}
