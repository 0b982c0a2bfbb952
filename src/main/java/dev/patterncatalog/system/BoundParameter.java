package dev.patterncatalog.system;

import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.support.WebExchangeBindException;

/**
 * A query parameter that Spring binds into a component of a parameter record, with the
 * rules its constraints set, so that every refusal of it says the same thing in the same
 * words: when the value is malformed (before binding), when it does not convert, and when
 * it breaks a constraint.
 *
 * @param name the parameter's name in the query ({@link BindParam} or the component's)
 * @param component the record component's name, which validation errors name
 */
public record BoundParameter(String name, String component, Kind kind, boolean repeatable, @Nullable BigDecimal min,
		@Nullable BigDecimal max, @Nullable Integer maxLength, @Nullable Integer maxCount) {

	/**
	 * Plain ASCII numerals, the only numbers the service reads: what Java's parsers take
	 * besides (a plus sign, digits of other scripts, hexadecimal, suffixes) is refused.
	 */
	static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,19}");

	static final Pattern DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?");

	/** Spring would also take yes, on and 1. */
	static final Pattern TRUE_OR_FALSE = Pattern.compile("true|false");

	/** Each record's parameters, read from it once. */
	private static final ClassValue<List<BoundParameter>> PARAMETERS = new ClassValue<>() {
		@Override
		protected List<BoundParameter> computeValue(Class<?> type) {
			return read(type.asSubclass(Record.class));
		}
	};

	public enum Kind {

		WHOLE_NUMBER, DECIMAL, BOOLEAN, TEXT

	}

	/**
	 * A decimal parameter bounded by {@code min} and {@code max}, which words its
	 * refusal.
	 */
	public static BoundParameter decimal(String name, double min, double max) {
		return number(name, Kind.DECIMAL, min, max);
	}

	static BoundParameter number(String name, Kind kind, double min, double max) {
		return new BoundParameter(name, name, kind, false, BigDecimal.valueOf(min).stripTrailingZeros(),
				BigDecimal.valueOf(max).stripTrailingZeros(), null, null);
	}

	/**
	 * This parameter with an upper bound known only when it is read: a configured limit.
	 */
	public BoundParameter withMax(double max) {
		return new BoundParameter(this.name, this.component, this.kind, this.repeatable, this.min,
				BigDecimal.valueOf(max).stripTrailingZeros(), this.maxLength, this.maxCount);
	}

	/**
	 * The parameters a record of parameters binds, one per component.
	 */
	public static List<BoundParameter> of(Class<? extends Record> type) {
		return PARAMETERS.get(type);
	}

	private static List<BoundParameter> read(Class<? extends Record> type) {
		RecordComponent[] components = type.getRecordComponents();
		Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		Parameter[] constructorParameters;
		try {
			constructorParameters = type.getDeclaredConstructor(types).getParameters();
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("a record has its canonical constructor", ex);
		}
		List<BoundParameter> parameters = new ArrayList<>();
		for (int i = 0; i < components.length; i++) {
			// @BindParam is for parameters: it is on the constructor's, not the component
			parameters.add(of(components[i], constructorParameters[i].getAnnotation(BindParam.class)));
		}
		return List.copyOf(parameters);
	}

	private static BoundParameter of(RecordComponent component, @Nullable BindParam bindParam) {
		String name = (bindParam != null) ? bindParam.value() : component.getName();
		Class<?> type = component.getType();
		boolean repeatable = Collection.class.isAssignableFrom(type);
		Kind kind = (type == int.class || type == Integer.class || type == long.class || type == Long.class)
				? Kind.WHOLE_NUMBER : (type == double.class || type == Double.class) ? Kind.DECIMAL
						: (type == boolean.class || type == Boolean.class) ? Kind.BOOLEAN : Kind.TEXT;
		// constraints are not for record components: they are on the component's field
		Field field = field(component);
		Min min = field.getAnnotation(Min.class);
		Max max = field.getAnnotation(Max.class);
		DecimalMin decimalMin = field.getAnnotation(DecimalMin.class);
		DecimalMax decimalMax = field.getAnnotation(DecimalMax.class);
		Size size = field.getAnnotation(Size.class);
		Integer maxLength = elementMaxLength(component);
		if (!repeatable && size != null) {
			maxLength = size.max();
		}
		return new BoundParameter(name, component.getName(), kind, repeatable,
				(min != null) ? BigDecimal.valueOf(min.value())
						: (decimalMin != null) ? new BigDecimal(decimalMin.value()) : null,
				(max != null) ? BigDecimal.valueOf(max.value())
						: (decimalMax != null) ? new BigDecimal(decimalMax.value()) : null,
				maxLength, (repeatable && size != null) ? size.max() : null);
	}

	private static Field field(RecordComponent component) {
		try {
			return component.getDeclaringRecord().getDeclaredField(component.getName());
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("a record component has its field", ex);
		}
	}

	/** The length bound of a list's elements, {@code List<@Size(max = n) String>}. */
	private static @Nullable Integer elementMaxLength(RecordComponent component) {
		if (component.getAnnotatedType() instanceof java.lang.reflect.AnnotatedParameterizedType list) {
			Size size = list.getAnnotatedActualTypeArguments()[0].getAnnotation(Size.class);
			return (size != null) ? size.max() : null;
		}
		return null;
	}

	/**
	 * Checks the values given for this parameter, as the query has them, before Spring
	 * binds them: at most one unless it repeats (and no more than its bound), no control
	 * characters, and numbers written as plain numerals.
	 * @throws InvalidParameter saying what is wrong
	 */
	public void check(List<String> values) {
		List<String> given = values.stream().filter((value) -> value != null && !value.isBlank()).toList();
		if (!this.repeatable && given.size() > 1) {
			throw new InvalidParameter(this.name,
					"Parameter '" + this.name + "' is given " + given.size() + " times; give it once.");
		}
		if (this.maxCount != null && given.size() > this.maxCount) {
			throw new InvalidParameter(this.name, "Parameter '" + this.name + "' is given " + given.size()
					+ " times; at most " + this.maxCount + " are allowed.");
		}
		for (String value : given) {
			if (value.chars().anyMatch(Character::isISOControl)) {
				throw new InvalidParameter(this.name, "Parameter '" + this.name + "' contains control characters.");
			}
			Pattern form = switch (this.kind) {
				case WHOLE_NUMBER -> WHOLE_NUMBER;
				case DECIMAL -> DECIMAL;
				case BOOLEAN -> TRUE_OR_FALSE;
				case TEXT -> null;
			};
			if (form != null && !form.matcher(value.strip()).matches()) {
				throw refused(value);
			}
		}
	}

	/**
	 * The refusal of a value that is not what this parameter takes.
	 * @param value the value as given, or {@code null} if it is not known
	 */
	public InvalidParameter refused(@Nullable Object value) {
		Object shown = (value instanceof Double number && Double.isFinite(number))
				? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString() : value;
		String given = (shown != null) ? ", not '" + shown + "'" : "";
		String detail = switch (this.kind) {
			case WHOLE_NUMBER -> "Parameter '" + this.name + "' must be a whole number" + range() + given + ".";
			case DECIMAL -> "Parameter '" + this.name + "' must be a number" + range() + given + ".";
			case BOOLEAN -> "Parameter '" + this.name + "' must be true or false" + given + ".";
			case TEXT -> (this.maxLength != null)
					? "Parameter '" + this.name + "' is longer than " + this.maxLength + " characters."
					: "Parameter '" + this.name + "' is not valid" + given + ".";
		};
		return new InvalidParameter(this.name, detail);
	}

	/**
	 * The refusal of what Spring could not bind or found invalid, in the words of
	 * {@link #refused}, naming the first parameter at fault.
	 */
	public static InvalidParameter refusal(WebExchangeBindException ex) {
		return refusal(ex, ex.getMethodParameter().getParameterType());
	}

	/**
	 * The refusal of what could not be bound into {@code type} or was found invalid, in
	 * the words of {@link #refused}, naming the first parameter at fault.
	 */
	public static InvalidParameter refusal(BindingResult result, Class<?> type) {
		FieldError error = result.getFieldError();
		if (error == null || !type.isRecord()) {
			String name = (error != null) ? error.getField() : result.getObjectName();
			return new InvalidParameter(name, "Parameter '" + name + "' is not valid.");
		}
		// a list's element is named with its index: tag[3]
		String field = error.getField().replaceFirst("\\[.*", "");
		BoundParameter parameter = of(type.asSubclass(Record.class)).stream()
			.filter((candidate) -> candidate.component().equals(field) || candidate.name().equals(field))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no component " + field + " in " + type));
		Object value = error.getRejectedValue();
		if (value instanceof Object[] values && values.length == 1) {
			value = values[0];
		}
		return parameter.refused((value instanceof Collection) ? null : value);
	}

	private String range() {
		if (this.min != null && this.max != null) {
			return " from " + this.min.toPlainString() + " to " + this.max.toPlainString();
		}
		if (this.min != null) {
			return " of at least " + this.min.toPlainString();
		}
		return (this.max != null) ? " of at most " + this.max.toPlainString() : "";
	}

}
