package dev.patterncatalog.system;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.Validator;
import org.springframework.web.bind.support.BindParamNameResolver;

/**
 * Binds a query into a parameter record where no controller does (the backends' own
 * server), by the controllers' rules: the same strict reading of the query
 * ({@link RequestParameters}), Spring's constructor binding with {@code @BindParam}
 * names, the same validator, and refusals in the same words ({@link BoundParameter}).
 */
public final class QueryBinder {

	private QueryBinder() {
	}

	/**
	 * @throws InvalidParameter naming the first parameter that is unknown, malformed or
	 * invalid
	 */
	public static <R extends Record> R bind(MultiValueMap<String, String> query, Class<R> type, Validator validator) {
		Map<String, BoundParameter> taken = BoundParameter.of(type)
			.stream()
			.collect(Collectors.toMap(BoundParameter::name, Function.identity()));
		RequestParameters.check(query, taken);
		DataBinder binder = new DataBinder(null, type.getSimpleName());
		binder.setTargetType(ResolvableType.forClass(type));
		binder.setNameResolver(new BindParamNameResolver());
		binder.setValidator(validator);
		binder.construct(new DataBinder.ValueResolver() {
			@Override
			public @Nullable Object resolveValue(String name, Class<?> paramType) {
				List<String> values = query.get(name);
				return (values == null || values.isEmpty()) ? null : (values.size() == 1) ? values.get(0) : values;
			}

			@Override
			public Set<String> getNames() {
				return query.keySet();
			}
		});
		if (!binder.getBindingResult().hasErrors()) {
			binder.validate();
		}
		BindingResult result = binder.getBindingResult();
		if (result.hasErrors()) {
			throw BoundParameter.refusal(result, type);
		}
		return type.cast(binder.getTarget());
	}

}
