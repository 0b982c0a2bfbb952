package dev.patterncatalog.catalog.web;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PreparedTests {

	private final Prepared prepared = Prepared.of("{\"id\":\"gen-pattern-003\"}", MediaType.APPLICATION_JSON);

	@Test
	void everyAnswerReadsTheWholeBodyFromAViewOfItsOwn() {
		ByteBuffer first = this.prepared.bytes();
		ByteBuffer second = this.prepared.bytes();

		assertThat(StandardCharsets.UTF_8.decode(first).toString()).isEqualTo("{\"id\":\"gen-pattern-003\"}");
		assertThat(first.hasRemaining()).isFalse();
		assertThat(StandardCharsets.UTF_8.decode(second).toString()).isEqualTo("{\"id\":\"gen-pattern-003\"}");
		assertThat(this.prepared.length()).isEqualTo(24);
		assertThat(this.prepared.bytes().remaining()).isEqualTo(24);
	}

	@Test
	void theBodyCannotBeChangedThroughAView() {
		assertThatExceptionOfType(ReadOnlyBufferException.class)
			.isThrownBy(() -> this.prepared.bytes().put(0, (byte) 'x'));
		assertThat(this.prepared.bytes().get(0)).isEqualTo((byte) '{');
	}

	@Test
	void theETagIsStrongAndFollowsTheBytes() {
		Prepared same = Prepared.of("{\"id\":\"gen-pattern-003\"}", MediaType.APPLICATION_JSON);
		Prepared other = Prepared.of("{\"id\":\"gen-pattern-004\"}", MediaType.APPLICATION_JSON);

		assertThat(this.prepared.etag()).matches("\"[0-9a-f]{24}\"").isEqualTo(same.etag()).isNotEqualTo(other.etag());
	}

}
