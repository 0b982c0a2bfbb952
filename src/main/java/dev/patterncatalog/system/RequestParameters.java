package dev.patterncatalog.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.ExtendedWebExchangeDataBinder;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The query parameters of the annotated controllers, read strictly in one place: a
 * parameter a handler does not take is refused, and so is a value given twice where one
 * is taken, a control character, or a number that is not a plain numeral (Spring's
 * conversion would take {@code 0x10} or {@code +5}). What a handler takes is read from
 * its method once: its {@code @RequestParam}s and the components of its parameter
 * records. A handler that takes the whole query as a map ({@code @RequestParam
 * MultiValueMap}) refuses the parameters it does not know itself (the lab's demos, whose
 * parameters depend on the demo named in the path); those it binds are checked here.
 * <p>
 * Only query parameters are bound into records: Spring would also bind request headers of
 * the same names, an input no client means as a parameter.
 */
@Component
class RequestParameters implements WebFluxRegistrations {

	/**
	 * The service's own controllers: springdoc's and Boot's take parameters their own
	 * way.
	 */
	private static final String OWN = "dev.patterncatalog";

	private final Map<HandlerMethod, Taken> taken = new ConcurrentHashMap<>();

	@Override
	public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
		return new RequestMappingHandlerMapping() {
			@Override
			protected void handleMatch(RequestMappingInfo info, HandlerMethod handlerMethod,
					ServerWebExchange exchange) {
				super.handleMatch(info, handlerMethod, exchange);
				check(handlerMethod, exchange.getRequest().getQueryParams());
			}
		};
	}

	@Override
	public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
		return new RequestMappingHandlerAdapter() {
			@Override
			public void setWebBindingInitializer(WebBindingInitializer initializer) {
				super.setWebBindingInitializer((binder) -> {
					initializer.initBinder(binder);
					if (binder instanceof ExtendedWebExchangeDataBinder exchangeBinder) {
						exchangeBinder.setHeaderPredicate((header) -> false);
					}
				});
			}
		};
	}

	private void check(HandlerMethod handler, MultiValueMap<String, String> query) {
		if (query.isEmpty() || !handler.getBeanType().getPackageName().startsWith(OWN)) {
			return;
		}
		Taken taken = this.taken.computeIfAbsent(handler, RequestParameters::taken);
		if (taken.othersReadByHandler()) {
			// the handler refuses what it does not know; what is bound is checked here
			MultiValueMap<String, String> bound = new LinkedMultiValueMap<>(query);
			bound.keySet().retainAll(taken.parameters().keySet());
			check(bound, taken.parameters());
		}
		else {
			check(query, taken.parameters());
		}
	}

	/**
	 * Checks every parameter of the query against those taken.
	 * @throws InvalidParameter naming the first unknown or malformed parameter
	 */
	static void check(MultiValueMap<String, String> query, Map<String, BoundParameter> parameters) {
		for (Map.Entry<String, List<String>> given : query.entrySet()) {
			BoundParameter parameter = parameters.get(given.getKey());
			if (parameter == null) {
				throw unknown(given.getKey(), parameters.keySet());
			}
			parameter.check(given.getValue());
		}
	}

	static InvalidParameter unknown(String name, Set<String> known) {
		return new InvalidParameter(name, "Unknown parameter '" + name + "'. This endpoint takes: "
				+ (known.isEmpty() ? "no parameters" : String.join(", ", new TreeSet<>(known))) + ".");
	}

	private static Taken taken(HandlerMethod handler) {
		Map<String, BoundParameter> parameters = new LinkedHashMap<>();
		boolean othersReadByHandler = false;
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			Class<?> type = parameter.getParameterType();
			if (requestParam != null && Map.class.isAssignableFrom(type)) {
				othersReadByHandler = true;
			}
			else if (requestParam != null) {
				String name = requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name();
				parameters.put(name,
						new BoundParameter(name, name, BoundParameter.Kind.TEXT, false, null, null, null, null));
			}
			else if (type.isRecord()) {
				BoundParameter.of(type.asSubclass(Record.class))
					.forEach((bound) -> parameters.put(bound.name(), bound));
			}
		}
		return new Taken(Map.copyOf(parameters), othersReadByHandler);
	}

	/**
	 * The parameters a handler binds, and whether it reads others from the whole query
	 * itself.
	 */
	private record Taken(Map<String, BoundParameter> parameters, boolean othersReadByHandler) {
	}

}
