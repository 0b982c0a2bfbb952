package dev.patterncatalog.catalog.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.MediaType;

/**
 * A response body rendered once, with its media type and a strong ETag derived from its
 * bytes.
 * <p>
 * The answers a catalog version makes once and keeps for its whole life are held off the
 * heap, read-only: the server writes a view of them to the socket as they are, where
 * bytes on the heap are copied into a direct buffer of Netty's for every answer. For a
 * document by id (8 KB) that gave more requests per second in 17 of 18 interleaved pairs
 * under wrk (2 to 8 % with the machine quiet, up to 19 % with it busy); a 1.6 KB listing
 * showed no difference. Answers made on request stay on the heap: a direct buffer costs
 * more to allocate, and is freed only when the collector finds its owner unreachable.
 *
 * @param bytes the body
 * @param mediaType its media type
 * @param etag its strong ETag, quoted
 */
record Prepared(ByteBuffer bytes, MediaType mediaType, String etag) {

	/**
	 * An answer made on request, on the heap.
	 */
	static Prepared onHeap(byte[] bytes, MediaType mediaType) {
		return new Prepared(ByteBuffer.wrap(bytes).asReadOnlyBuffer(), mediaType, etag(bytes));
	}

	/**
	 * An answer kept as long as its catalog version, off the heap.
	 */
	static Prepared offHeap(byte[] bytes, MediaType mediaType) {
		ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
		return new Prepared(direct.asReadOnlyBuffer(), mediaType, etag(bytes));
	}

	static Prepared offHeap(String text, MediaType mediaType) {
		return offHeap(text.getBytes(StandardCharsets.UTF_8), mediaType);
	}

	/**
	 * The body, as a view of its own whose position and limit are the caller's to move.
	 */
	@Override
	public ByteBuffer bytes() {
		return this.bytes.duplicate();
	}

	int length() {
		return this.bytes.remaining();
	}

	static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
