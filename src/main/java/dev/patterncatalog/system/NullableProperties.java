package dev.patterncatalog.system;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Declares the record components marked {@link Nullable} as nullable in the OpenAPI
 * description, the 3.1 way: {@code "null"} among the property's types, or a reference
 * any-of'd with the null type. The code's own nullness is then the one source, and a
 * generated client accepts the nulls the service sends.
 */
@Component
class NullableProperties implements ModelConverter {

	@Override
	public @Nullable Schema<?> resolve(AnnotatedType type, ModelConverterContext context,
			Iterator<ModelConverter> chain) {
		Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (schema == null || !raw.isRecord()) {
			return schema;
		}
		Schema<?> model = (schema.get$ref() != null)
				? context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1))
				: schema;
		if (model == null || model.getProperties() == null) {
			return schema;
		}
		for (RecordComponent component : raw.getRecordComponents()) {
			if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
				model.getProperties().computeIfPresent(jsonName(component), (name, property) -> nullable(property));
			}
		}
		return schema;
	}

	private static String jsonName(RecordComponent component) {
		JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
		if (property == null) {
			property = component.getAnnotation(JsonProperty.class);
		}
		return (property != null && !property.value().isEmpty()) ? property.value() : component.getName();
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema nullable(Schema property) {
		if (property.get$ref() != null) {
			return new Schema().anyOf(List.of(property, new Schema().types(Set.of("null"))));
		}
		Set<String> types = new LinkedHashSet<>();
		if (property.getTypes() != null) {
			types.addAll(property.getTypes());
		}
		else if (property.getType() != null) {
			types.add(property.getType());
		}
		if (!types.isEmpty()) {
			types.add("null");
			property.setTypes(types);
		}
		return property;
	}

}
