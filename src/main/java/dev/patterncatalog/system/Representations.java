package dev.patterncatalog.system;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.NotAcceptableStatusException;

/**
 * Chooses which of the representations a resource offers best fits an {@code Accept}
 * header, following RFC 9110: for each offer, the most specific range that includes it
 * gives its quality; the highest quality wins, ties going to the earlier offer; quality 0
 * means "not acceptable".
 */
public final class Representations {

	/** What a resource offers that has JSON only. */
	public static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

	/**
	 * For answers measured or counted at the moment of the request: a cache that kept one
	 * would show a past run as if it were the present.
	 */
	public static final String LIVE = CacheControl.noStore().getHeaderValue();

	private static final List<MediaType> ANYTHING = List.of(MediaType.ALL);

	private Representations() {
	}

	/**
	 * The representation to answer {@code request} with.
	 * @param offers the media types on offer, most preferred first
	 * @return the chosen one
	 * @throws NotAcceptableStatusException (406) if none is acceptable, or if the
	 * {@code Accept} header cannot be parsed (as Spring answers for annotated
	 * controllers)
	 */
	public static MediaType negotiate(ServerRequest request, List<MediaType> offers) {
		MediaType chosen = choose(accept(request, offers), offers);
		if (chosen == null) {
			throw new NotAcceptableStatusException(offers);
		}
		return chosen;
	}

	private static List<MediaType> accept(ServerRequest request, List<MediaType> offers) {
		try {
			return request.headers().accept();
		}
		catch (InvalidMediaTypeException ex) {
			NotAcceptableStatusException notAcceptable = new NotAcceptableStatusException(offers);
			// the parser's message names Java's number parsing; the client needs the rule
			notAcceptable.setDetail("The Accept header is not a list of media types with optional weights from 0"
					+ " to 1, such as 'text/html, application/json;q=0.9'. Acceptable representations: " + offers
					+ ".");
			throw notAcceptable;
		}
	}

	/**
	 * Answers {@code body} as JSON to a request of a resource that takes no parameters.
	 * @throws NotAcceptableStatusException (406) if JSON is not acceptable
	 * @throws InvalidParameter (400) naming a query parameter given anyway
	 */
	public static Mono<ServerResponse> json(ServerRequest request, Object body) {
		return jsonOnly(request, ServerResponse.ok()).bodyValue(body);
	}

	/**
	 * As {@link #json}, for a body true only at this moment (counters, progress): marked
	 * {@code no-store}, so that no cache answers it again later.
	 */
	public static Mono<ServerResponse> liveJson(ServerRequest request, Object body) {
		return jsonOnly(request, live()).bodyValue(body);
	}

	/**
	 * A 200 answer measured or counted for this request, marked {@link #LIVE}.
	 */
	public static ServerResponse.BodyBuilder live() {
		return ServerResponse.ok().header(HttpHeaders.CACHE_CONTROL, LIVE);
	}

	private static ServerResponse.BodyBuilder jsonOnly(ServerRequest request, ServerResponse.BodyBuilder ok) {
		negotiate(request, JSON);
		QueryParameters.of(request.queryParams(), Set.of());
		return ok.contentType(MediaType.APPLICATION_JSON);
	}

	/**
	 * @param offers the media types on offer, most preferred first
	 * @return the chosen one, or {@code null} if none is acceptable
	 */
	static @Nullable MediaType choose(List<MediaType> accept, List<MediaType> offers) {
		List<MediaType> ranges = accept.isEmpty() ? ANYTHING : accept;
		MediaType best = null;
		double bestQuality = 0;
		for (MediaType offer : offers) {
			double quality = quality(offer, ranges);
			if (quality > bestQuality) {
				best = offer;
				bestQuality = quality;
			}
		}
		return best;
	}

	private static double quality(MediaType offer, List<MediaType> ranges) {
		MediaType match = null;
		for (MediaType range : ranges) {
			if (range.includes(offer) && (match == null || specificity(range) > specificity(match))) {
				match = range;
			}
		}
		return (match != null) ? match.getQualityValue() : 0;
	}

	private static int specificity(MediaType range) {
		return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
	}

}
