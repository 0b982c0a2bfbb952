package dev.patterncatalog.lab.demo;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.backend.BackendRegistry;
import dev.patterncatalog.lab.run.Theories;
import dev.patterncatalog.system.BoundParameter;
import dev.patterncatalog.system.InvalidParameter;
import dev.patterncatalog.system.QueryParameters;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * A demo's parameters as a record, one component each: described from the components'
 * annotations (the name from {@code @BindParam}, the description and default from
 * {@code @Schema}, the bounds from {@code @Min}, {@code @Max}, {@code @DecimalMin},
 * {@code @DecimalMax}, {@code @Size} or {@link UpTo}, milliseconds by {@link Millis}),
 * and read from a query by that description. The kind follows the component's type:
 * {@code int} an integer, {@code double} milliseconds or a fraction, {@code boolean},
 * {@code String} the name of a configured backend, {@code List<String>} a comma-separated
 * list of them.
 */
final class DemoParameters {

	/** Each record's canonical constructor, looked up once. */
	private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
		@Override
		protected Constructor<?> computeValue(Class<?> type) {
			Class<?>[] types = Arrays.stream(type.getRecordComponents())
				.map(RecordComponent::getType)
				.toArray(Class<?>[]::new);
			try {
				return ReflectionUtils.accessibleConstructor(type, types);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException("a record has its canonical constructor", ex);
			}
		}
	};

	private DemoParameters() {
	}

	/** A parameter's milliseconds as the duration timers and operators take. */
	static Duration millis(double millis) {
		return Duration.ofNanos(Math.round(millis * 1e6));
	}

	/**
	 * The parameters {@code type} takes, in the order of its components, bounded by the
	 * configured {@code limits} where a component says so.
	 * @throws IllegalStateException if a component lacks its description, default or
	 * bounds: a demo's mistake, found when it is created
	 */
	static List<ParameterSpec> describe(Class<? extends Record> type, LabProperties.Limits limits) {
		RecordComponent[] components = type.getRecordComponents();
		List<BoundParameter> bound = BoundParameter.of(type);
		List<ParameterSpec> specs = new ArrayList<>();
		for (int i = 0; i < components.length; i++) {
			specs.add(describe(components[i], bound.get(i), limits));
		}
		return List.copyOf(specs);
	}

	private static ParameterSpec describe(RecordComponent component, BoundParameter bound,
			LabProperties.Limits limits) {
		Field field = ReflectionUtils.findField(component.getDeclaringRecord(), component.getName());
		Schema schema = (field != null) ? field.getAnnotation(Schema.class) : null;
		if (field == null || schema == null || schema.description().isEmpty() || schema.defaultValue().isEmpty()) {
			throw new IllegalStateException(component + " of " + component.getDeclaringRecord().getSimpleName()
					+ " needs @Schema with a description and a default");
		}
		UpTo upTo = field.getAnnotation(UpTo.class);
		Double min = number(bound.min());
		Double max = (upTo != null) ? Double.valueOf(upTo.value().of(limits)) : number(bound.max());
		Class<?> type = component.getType();
		String kind = (type == int.class) ? "integer"
				: (type == double.class) ? (field.isAnnotationPresent(Millis.class) ? "ms" : "fraction")
						: (type == boolean.class) ? "boolean" : (type == String.class) ? "name" : "names";
		if (kind.equals("names")) {
			min = 1.0;
			max = (upTo != null) ? max : (bound.maxCount() != null) ? Double.valueOf(bound.maxCount()) : null;
		}
		if ((min == null || max == null) && (type == int.class || type == double.class || kind.equals("names"))) {
			throw new IllegalStateException(
					component + " of " + component.getDeclaringRecord().getSimpleName() + " needs both bounds");
		}
		String defaultValue = (type == double.class) ? Theories.format(Double.parseDouble(schema.defaultValue()))
				: schema.defaultValue();
		return new ParameterSpec(bound.name(), kind, defaultValue, min, max, null, schema.description());
	}

	private static @Nullable Double number(@Nullable BigDecimal bound) {
		return (bound != null) ? bound.doubleValue() : null;
	}

	/**
	 * Reads a record of {@code type} from the query, each component by its spec.
	 * @throws InvalidParameter naming the first parameter that is wrong
	 */
	static <P extends Record> P read(Class<P> type, List<ParameterSpec> specs, QueryParameters parameters,
			BackendRegistry backends) {
		Object[] values = new Object[specs.size()];
		for (int i = 0; i < values.length; i++) {
			ParameterSpec spec = specs.get(i);
			values[i] = read(spec, parameters);
			if (values[i] instanceof String name) {
				LabBackends.named(backends, spec.name(), name);
			}
			else if (values[i] instanceof List<?> names) {
				names.forEach((name) -> LabBackends.named(backends, spec.name(), (String) name));
			}
		}
		try {
			return type.cast(CONSTRUCTORS.get(type).newInstance(values));
		}
		catch (InvocationTargetException ex) {
			ReflectionUtils.rethrowRuntimeException(ex.getTargetException());
			throw new IllegalStateException(ex);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot create " + type.getSimpleName(), ex);
		}
	}

	private static Object read(ParameterSpec spec, QueryParameters parameters) {
		String name = spec.name();
		double min = (spec.min() != null) ? spec.min() : 0;
		double max = (spec.max() != null) ? spec.max() : 0;
		return switch (spec.kind()) {
			case "integer" -> parameters.integer(name, Integer.parseInt(spec.defaultValue()), (int) min, (int) max);
			case "ms", "fraction" -> parameters.decimal(name, Double.parseDouble(spec.defaultValue()), min, max);
			case "boolean" -> parameters.bool(name, Boolean.parseBoolean(spec.defaultValue()));
			case "name" -> {
				String value = parameters.text(name, 40);
				yield (value != null) ? value : spec.defaultValue();
			}
			case "names" -> names(name, parameters.text(name, 4000), spec.defaultValue(), (int) max);
			default -> throw new IllegalStateException("unknown parameter kind " + spec.kind());
		};
	}

	private static List<String> names(String name, @Nullable String given, String defaultValue, int max) {
		List<String> names = Arrays.stream(((given != null) ? given : defaultValue).split(","))
			.map(String::strip)
			.filter((n) -> !n.isEmpty())
			.toList();
		if (names.isEmpty() || names.size() > max) {
			throw new InvalidParameter(name,
					"Parameter '" + name + "' must list 1 to " + max + " backend names separated by commas.");
		}
		return names;
	}

}
