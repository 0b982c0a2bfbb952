package dev.patterncatalog.catalog.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PreparedTests {

	private static final String BODY = "{\"id\":\"gen-pattern-003\"}";

	static Stream<Prepared> bothKinds() {
		byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
		return Stream.of(Prepared.onHeap(bytes, MediaType.APPLICATION_JSON),
				Prepared.offHeap(bytes, MediaType.APPLICATION_JSON));
	}

	@ParameterizedTest
	@MethodSource("bothKinds")
	void everyAnswerReadsTheWholeBodyFromAViewOfItsOwn(Prepared prepared) {
		ByteBuffer first = prepared.bytes();
		ByteBuffer second = prepared.bytes();

		assertThat(StandardCharsets.UTF_8.decode(first).toString()).isEqualTo(BODY);
		assertThat(first.hasRemaining()).isFalse();
		assertThat(StandardCharsets.UTF_8.decode(second).toString()).isEqualTo(BODY);
		assertThat(prepared.length()).isEqualTo(24);
		assertThat(prepared.bytes().remaining()).isEqualTo(24);
	}

	@ParameterizedTest
	@MethodSource("bothKinds")
	void theBodyCannotBeChangedThroughAView(Prepared prepared) {
		assertThatExceptionOfType(ReadOnlyBufferException.class).isThrownBy(() -> prepared.bytes().put(0, (byte) 'x'));
		assertThat(prepared.bytes().get(0)).isEqualTo((byte) '{');
	}

	@Test
	void keptAnswersAreOffTheHeapAndAnswersMadeOnRequestOnIt() {
		byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);

		assertThat(Prepared.offHeap(bytes, MediaType.APPLICATION_JSON).bytes().isDirect()).isTrue();
		assertThat(Prepared.onHeap(bytes, MediaType.APPLICATION_JSON).bytes().isDirect()).isFalse();
	}

	@Test
	void theETagIsStrongAndFollowsTheBytes() {
		Prepared prepared = Prepared.offHeap(BODY, MediaType.APPLICATION_JSON);
		Prepared same = Prepared.onHeap(BODY.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);
		Prepared other = Prepared.offHeap("{\"id\":\"gen-pattern-004\"}", MediaType.APPLICATION_JSON);

		assertThat(prepared.etag()).matches("\"[0-9a-f]{24}\"").isEqualTo(same.etag()).isNotEqualTo(other.etag());
	}

	@ParameterizedTest
	@MethodSource("bothKindsOfALongAnswer")
	void aLongAnswerHasAGzippedCopyStoredTheSameWayWithAnETagOfItsOwn(Prepared prepared) throws IOException {
		Prepared gzipped = prepared.gzipped();

		assertThat(gzipped).isNotNull();
		assertThat(gzipped.length()).isLessThan(prepared.length());
		assertThat(gunzip(gzipped.bytes())).isEqualTo(bytesOf(prepared.bytes()));
		assertThat(gzipped.bytes().isDirect()).isEqualTo(prepared.bytes().isDirect());
		assertThat(gzipped.mediaType()).isEqualTo(prepared.mediaType());
		assertThat(gzipped.etag()).isEqualTo(prepared.etag().replaceFirst("\"$", "-gzip\""));
		assertThat(gzipped.gzipped()).isNull();
	}

	static Stream<Prepared> bothKindsOfALongAnswer() {
		byte[] bytes = BODY.repeat(Prepared.MIN_GZIP_LENGTH / BODY.length() + 1).getBytes(StandardCharsets.UTF_8);
		return Stream.of(Prepared.onHeap(bytes, MediaType.APPLICATION_JSON),
				Prepared.offHeap(bytes, MediaType.APPLICATION_JSON));
	}

	@Test
	void shortAnswersAndAnswersGzipCannotShrinkHaveNoGzippedCopy() {
		byte[] random = new byte[4 * Prepared.MIN_GZIP_LENGTH];
		new SplittableRandom(1).nextBytes(random);
		String justShort = "x".repeat(Prepared.MIN_GZIP_LENGTH - 1);

		assertThat(Prepared.offHeap(BODY, MediaType.APPLICATION_JSON).gzipped()).isNull();
		assertThat(Prepared.offHeap(justShort, MediaType.TEXT_PLAIN).gzipped()).isNull();
		assertThat(Prepared.onHeap(random, MediaType.APPLICATION_OCTET_STREAM).gzipped()).isNull();
		assertThat(Prepared.offHeap(justShort + "x", MediaType.TEXT_PLAIN).gzipped()).isNotNull();
	}

	static byte[] gunzip(ByteBuffer gzipped) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytesOf(gzipped)))) {
			return in.readAllBytes();
		}
	}

	private static byte[] bytesOf(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

}
