package dev.patterncatalog.lab.backend;

import java.math.BigDecimal;

import dev.patterncatalog.lab.LabProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Bounds the latencies a backend call takes by the configured
 * {@code lab.limits.max-delay} in the OpenAPI description, where an annotation could only
 * hold a constant.
 */
@Component
class BackendParametersDescription implements OpenApiCustomizer {

	private final BigDecimal maxDelayMs;

	BackendParametersDescription(LabProperties properties) {
		this.maxDelayMs = BigDecimal.valueOf(properties.limits().maxDelay().toMillis());
	}

	@Override
	public void customise(OpenAPI openApi) {
		PathItem item = openApi.getPaths().get("/api/lab/backends/{name}");
		Operation call = (item != null) ? item.getGet() : null;
		if (call == null || call.getParameters() == null) {
			return;
		}
		call.getParameters()
			.stream()
			.filter((parameter) -> BackendSpec.MILLISECONDS.contains(parameter.getName()))
			.forEach((parameter) -> parameter.getSchema().setMaximum(this.maxDelayMs));
	}

}
