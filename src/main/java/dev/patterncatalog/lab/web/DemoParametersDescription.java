package dev.patterncatalog.lab.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.demo.DemoDescriptor;
import dev.patterncatalog.lab.demo.Demos;
import dev.patterncatalog.lab.demo.ParameterSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Puts each demo's own parameters into the OpenAPI description of the demo operations,
 * from the demos' descriptors, so that Swagger UI shows and bounds every one: the demo's
 * name and variant as choices, each parameter with the demos that take it, its default
 * and its bounds (the widest, where demos differ), and the comparison's settings bounded
 * by the configured limits.
 */
@Component
class DemoParametersDescription implements OpenApiCustomizer {

	private static final String RUN = "/api/lab/demos/{demo}";

	private static final String COMPARE = RUN + "/compare";

	private final Demos demos;

	private final LabProperties properties;

	DemoParametersDescription(Demos demos, LabProperties properties) {
		this.demos = demos;
		this.properties = properties;
	}

	@Override
	public void customise(OpenAPI openApi) {
		List<DemoDescriptor> descriptors = this.demos.descriptors();
		for (String path : List.of(RUN, COMPARE)) {
			PathItem item = openApi.getPaths().get(path);
			Operation operation = (item != null) ? item.getGet() : null;
			if (operation == null) {
				continue;
			}
			List<Parameter> parameters = new ArrayList<>(operation.getParameters());
			Map<String, Double> maxima = path.equals(COMPARE) ? ComparisonSettings.maxima(this.properties.limits())
					: Map.of();
			for (Parameter parameter : parameters) {
				Double max = maxima.get(parameter.getName());
				if (max != null && parameter.getSchema() != null) {
					parameter.getSchema().setMaximum(decimal(max));
				}
				if (parameter.getName().equals("demo")) {
					parameter.setSchema(choices(descriptors.stream().map(DemoDescriptor::name).toList()));
				}
				else if (parameter.getName().equals("variant")) {
					parameter
						.setSchema(choices(descriptors.stream().flatMap((demo) -> demo.variants().stream()).toList()));
				}
			}
			Set<String> described = new LinkedHashSet<>();
			parameters.forEach((parameter) -> described.add(parameter.getName()));
			demoParameters(descriptors).forEach((name, parameter) -> {
				if (described.add(name)) {
					parameters.add(parameter);
				}
			});
			operation.setParameters(parameters);
		}
	}

	/** Each parameter any demo takes, by name, saying which demos take it. */
	private static Map<String, Parameter> demoParameters(List<DemoDescriptor> descriptors) {
		Map<String, List<ParameterSpec>> specs = new LinkedHashMap<>();
		Map<String, List<String>> takenBy = new LinkedHashMap<>();
		for (DemoDescriptor demo : descriptors) {
			for (ParameterSpec spec : demo.parameters()) {
				specs.computeIfAbsent(spec.name(), (name) -> new ArrayList<>()).add(spec);
				takenBy.computeIfAbsent(spec.name(), (name) -> new ArrayList<>()).add(demo.name());
			}
		}
		Map<String, Parameter> parameters = new LinkedHashMap<>();
		specs.forEach((name, same) -> {
			ParameterSpec first = same.get(0);
			List<String> demos = takenBy.get(name);
			String which = (demos.size() == descriptors.size()) ? "every demo" : String.join(", ", demos);
			parameters.put(name,
					new Parameter().in("query")
						.name(name)
						.description(first.description() + " (" + which + ")")
						.schema(schema(same)));
		});
		return parameters;
	}

	private static Schema<?> schema(List<ParameterSpec> same) {
		ParameterSpec first = same.get(0);
		Schema<?> schema = switch (first.kind()) {
			case "integer" -> new IntegerSchema();
			case "ms", "fraction" -> new NumberSchema();
			case "boolean" -> new BooleanSchema();
			case "choice" -> choices(same.stream()
				.flatMap((spec) -> (spec.choices() != null) ? spec.choices().stream() : Stream.<String>empty())
				.toList());
			default -> new StringSchema();
		};
		if (!first.kind().equals("names")) {
			same.stream()
				.map(ParameterSpec::min)
				.filter((min) -> min != null)
				.min(Double::compare)
				.ifPresent((min) -> schema.setMinimum(decimal(min)));
			same.stream()
				.map(ParameterSpec::max)
				.filter((max) -> max != null)
				.max(Double::compare)
				.ifPresent((max) -> schema.setMaximum(decimal(max)));
		}
		if (same.stream().map(ParameterSpec::defaultValue).distinct().count() == 1 && first.defaultValue() != null
				&& !first.defaultValue().isEmpty()) {
			schema.setDefault(first.defaultValue());
		}
		return schema;
	}

	/** A whole number written without a fraction, as an integer's bound must be. */
	private static BigDecimal decimal(double value) {
		return (value == Math.rint(value)) ? BigDecimal.valueOf((long) value) : BigDecimal.valueOf(value);
	}

	private static StringSchema choices(List<String> values) {
		StringSchema schema = new StringSchema();
		values.stream().distinct().forEach(schema::addEnumItem);
		return schema;
	}

}
