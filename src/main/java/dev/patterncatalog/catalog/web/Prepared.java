package dev.patterncatalog.catalog.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.MediaType;

/**
 * A response body rendered once, with its media type and a strong ETag derived from its
 * bytes.
 */
record Prepared(byte[] bytes, MediaType mediaType, String etag) {

	static Prepared of(byte[] bytes, MediaType mediaType) {
		return new Prepared(bytes, mediaType, etag(bytes));
	}

	static Prepared of(String text, MediaType mediaType) {
		return of(text.getBytes(StandardCharsets.UTF_8), mediaType);
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
