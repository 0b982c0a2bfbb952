package dev.patterncatalog.system;

import java.net.URI;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The malformed-request check's shortcut: a target or host it passes without parsing must
 * be one that {@link URI} accepts, on thousands of generated strings (seeded, so a
 * failure repeats); everything else is left to {@link URI}.
 */
class MalformedRequestHandlerTests {

	private static final String COMMON = "/aZ09fF";

	private static final String ALPHABET = COMMON + "?%&=#+-_.!~*'();:@$,[]{}|\\^`\"<> \té";

	@Test
	void usualTargetsArePlain() {
		assertThat(MalformedRequestHandler.isPlainTarget("/api/patterns/gen-pattern-003")).isTrue();
		assertThat(MalformedRequestHandler.isPlainTarget("/api/patterns?q=timeout%20retry&tag=a&page=0")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "localhost:8080", "example.com.", "a-b.example.com", "127.0.0.1:80", "[::1]",
			"[::1]:8080", "xn--bcher-kva.example:65535" })
	void hostNamesAndAddressesWithAPortAreHosts(String host) {
		assertThat(MalformedRequestHandler.isHost(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "exa mple", "a..b", ".", ":80", "host:", "host:99999", "host:123456", "a:1:2",
			"-a.com", "a-.com", "a_b", "[::1", "[::1]x", "[::1]:", "[zz]", "a/b", "a@b", "a%41" })
	void anythingElseIsNot(String host) {
		assertThat(MalformedRequestHandler.isHost(host)).isFalse();
	}

	@Test
	void targetsThatNeedParsingAreNotPlain() {
		assertThat(MalformedRequestHandler.isPlainTarget("/api/patterns?q=%zz")).isFalse();
		assertThat(MalformedRequestHandler.isPlainTarget("/api/patterns?q=100%")).isFalse();
		assertThat(MalformedRequestHandler.isPlainTarget("/a b")).isFalse();
		assertThat(MalformedRequestHandler.isPlainTarget("//evil")).isFalse();
		assertThat(MalformedRequestHandler.isPlainTarget("http://localhost/")).isFalse();
		assertThat(MalformedRequestHandler.isPlainTarget("")).isFalse();
	}

	@Test
	void whatIsPlainIsAValidUri() {
		SplittableRandom random = new SplittableRandom(42);
		int plain = 0;
		for (int i = 0; i < 20_000; i++) {
			String target = "/" + noise(random);
			String host = noise(random);
			if (MalformedRequestHandler.isPlainTarget(target)) {
				plain++;
				assertThatNoException().as(target).isThrownBy(() -> new URI(target));
			}
			if (MalformedRequestHandler.isHost(host)) {
				assertThatNoException().as(host).isThrownBy(() -> new URI("http://" + host + "/"));
			}
		}
		// the generator reaches both sides of the shortcut
		assertThat(plain).isBetween(100, 19_900);
	}

	private static String noise(SplittableRandom random) {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(12); i > 0; i--) {
			String chars = (random.nextInt(3) == 0) ? ALPHABET : COMMON;
			text.append(chars.charAt(random.nextInt(chars.length())));
		}
		return text.toString();
	}

}
