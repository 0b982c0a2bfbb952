package dev.patterncatalog.system;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.accept.HeaderContentTypeResolver;
import org.springframework.web.reactive.accept.RequestedContentTypeResolverBuilder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Workaround: Spring's request mapping matches a {@code produces} type against an Accept
 * range whatever its quality, so {@code Accept: application/json;q=0} is served JSON,
 * where RFC 9110 (section 12.4.2) says q=0 means "not acceptable". Ranges of quality 0
 * are left out here before Spring reads the header; where none is left, the client
 * accepts nothing and is answered 406. (A range of quality 0 does not take its type out
 * of a wider range that is also given: {@code *}{@code /*, application/json;q=0} is still
 * answered JSON.)
 * <p>
 * Remove when Spring's {@code ProducesRequestCondition} leaves out ranges of quality 0
 * itself; {@code HostileRequestsIntegrationTests} and
 * {@code PatternApiHttpIntegrationTests} fail without it.
 */
@Configuration(proxyBeanMethods = false)
class AcceptQualityZero implements WebFluxConfigurer {

	/** A range no representation is of, where a client accepts none. */
	static final MediaType NOTHING = new MediaType("application", "x-nothing-acceptable");

	@Override
	public void configureContentTypeResolver(RequestedContentTypeResolverBuilder builder) {
		HeaderContentTypeResolver header = new HeaderContentTypeResolver();
		builder.resolver((exchange) -> {
			List<MediaType> accepted = header.resolveMediaTypes(exchange);
			if (accepted.stream().allMatch((range) -> range.getQualityValue() > 0)) {
				return accepted;
			}
			List<MediaType> acceptable = accepted.stream().filter((range) -> range.getQualityValue() > 0).toList();
			return acceptable.isEmpty() ? List.of(NOTHING) : acceptable;
		});
	}

}
