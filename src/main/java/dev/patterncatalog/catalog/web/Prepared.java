package dev.patterncatalog.catalog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * A response body rendered once, with its media type and a strong ETag derived from its
 * bytes.
 * <p>
 * The answers a catalog version makes once and keeps for its whole life are held off the
 * heap, read-only: the server writes a view of them to the socket as they are, where
 * bytes on the heap are copied into a direct buffer of Netty's for every answer (faster
 * for a document by id, measured in {@code src/benchmark/README.md}). Answers made on
 * request stay on the heap: a direct buffer costs more to allocate, and is freed only
 * when the collector finds its owner unreachable.
 * <p>
 * An answer of at least {@value #MIN_GZIP_LENGTH} bytes is compressed with gzip along
 * with it, kept beside it and stored the same way, for clients that accept that encoding:
 * compressing once per answer instead of once per request. A smaller one would gain
 * little on the wire; an answer that gzip would not make smaller has no compressed copy.
 *
 * @param bytes the body
 * @param mediaType its media type
 * @param etag its strong ETag, quoted
 * @param gzipped the same answer gzip-encoded, with an ETag of its own, if it has one
 */
record Prepared(ByteBuffer bytes, MediaType mediaType, String etag, @Nullable Prepared gzipped) {

	static final int MIN_GZIP_LENGTH = 1024;

	/**
	 * An answer made on request, on the heap.
	 */
	static Prepared onHeap(byte[] bytes, MediaType mediaType) {
		return of(bytes, mediaType, ByteBuffer::wrap);
	}

	/**
	 * An answer kept as long as its catalog version, off the heap.
	 */
	static Prepared offHeap(byte[] bytes, MediaType mediaType) {
		return of(bytes, mediaType, (content) -> ByteBuffer.allocateDirect(content.length).put(content).flip());
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

	/**
	 * The bytes this answer holds, its compressed copy included.
	 */
	int weight() {
		return length() + ((this.gzipped != null) ? this.gzipped.length() : 0);
	}

	private static Prepared of(byte[] bytes, MediaType mediaType, Function<byte[], ByteBuffer> store) {
		String etag = etag(bytes);
		Prepared gzipped = null;
		if (bytes.length >= MIN_GZIP_LENGTH) {
			byte[] compressed = gzip(bytes);
			if (compressed.length < bytes.length) {
				// the ETag of a representation is its own (RFC 9110, section 8.8.3)
				String gzipEtag = etag.substring(0, etag.length() - 1) + "-gzip\"";
				gzipped = new Prepared(store.apply(compressed).asReadOnlyBuffer(), mediaType, gzipEtag, null);
			}
		}
		return new Prepared(store.apply(bytes).asReadOnlyBuffer(), mediaType, etag, gzipped);
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("compressing in memory", ex);
		}
		return out.toByteArray();
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
