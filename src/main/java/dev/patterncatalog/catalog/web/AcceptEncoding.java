package dev.patterncatalog.catalog.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a request's {@code Accept-Encoding} (RFC 9110, section 12.5.3) for the one
 * content coding the catalog offers besides none: gzip.
 */
final class AcceptEncoding {

	/** A coding with an optional weight; {@code q} and the coding's name ignore case. */
	private static final Pattern ELEMENT = Pattern
		.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:[ \\t]*;[ \\t]*[qQ]=(0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?");

	private AcceptEncoding() {
	}

	/**
	 * Whether the answer may be sent gzip-encoded: {@code gzip} (or its old name
	 * {@code x-gzip}, or else {@code *}) is listed with a weight above 0, and
	 * {@code identity}, if listed, does not weigh more. An element that is not a coding
	 * with an optional weight is left out, as if the client had not sent it; no header
	 * means no encoding.
	 * @param values the header's values, or {@code null} if the request has none
	 */
	static boolean allowsGzip(@Nullable List<String> values) {
		if (values == null) {
			return false;
		}
		double gzip = -1;
		double any = -1;
		double identity = -1;
		for (String value : values) {
			for (String element : value.split(",")) {
				Matcher matcher = ELEMENT.matcher(element.strip());
				if (!matcher.matches()) {
					continue;
				}
				double weight = (matcher.group(2) != null) ? Double.parseDouble(matcher.group(2)) : 1;
				switch (matcher.group(1).toLowerCase(Locale.ROOT)) {
					case "gzip", "x-gzip" -> gzip = Math.max(gzip, weight);
					case "*" -> any = Math.max(any, weight);
					case "identity" -> identity = Math.max(identity, weight);
					default -> {
						// a coding the catalog does not offer
					}
				}
			}
		}
		double weight = (gzip >= 0) ? gzip : any;
		return weight > 0 && weight >= identity;
	}

}
