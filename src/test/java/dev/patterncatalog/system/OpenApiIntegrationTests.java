package dev.patterncatalog.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OpenApiIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void documentsEveryCatalogEndpointWithItsParametersAndProblems() {
		apiDocs().jsonPath("$.info.title")
			.isEqualTo("Reactive Pattern Catalog")
			.jsonPath("$.paths['/api/patterns'].get.parameters[?(@.in == 'query')].name")
			.value(java.util.List.class,
					(names) -> assertThat(names).containsExactly("category", "language", "tag", "q", "page", "size",
							"sort"))
			.jsonPath("$.paths['/api/patterns'].get.responses['400'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/patterns/{id}'].get.responses['200'].content['text/markdown']")
			.exists()
			.jsonPath("$.paths['/api/patterns/{id}'].get.responses['200'].content['text/html']")
			.exists()
			.jsonPath("$.paths['/api/patterns/{id}'].get.responses['404']")
			.exists()
			.jsonPath("$.paths['/api/patterns/{id}/related'].get.responses['200']")
			.exists()
			.jsonPath("$.paths['/api/patterns/{id}/examples'].get.parameters[?(@.name == 'language')]")
			.exists()
			.jsonPath("$.paths['/api/facets'].get")
			.exists()
			.jsonPath("$.paths['/api/catalog/problems'].get")
			.exists()
			.jsonPath("$.components.schemas.PatternDocument.properties.created_at")
			.exists()
			.jsonPath("$.components.schemas.Problem")
			.exists();
	}

	@Test
	void documentsCachingConditionalRequestsAndTheHeadersOfTheAnswers() {
		String document = "$.paths['/api/patterns/{id}'].get";
		apiDocs().jsonPath(document + ".parameters[?(@.in == 'header')].name")
			.value(java.util.List.class,
					(names) -> assertThat(names).containsExactlyInAnyOrder("If-None-Match", "If-Match"))
			.jsonPath(document + ".responses['200'].headers.ETag.schema.type")
			.isEqualTo("string")
			.jsonPath(document + ".responses['200'].headers['Cache-Control']")
			.exists()
			.jsonPath(document + ".responses['304'].headers.ETag")
			.exists()
			.jsonPath(document + ".responses['412'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/facets'].get.responses['304']")
			.exists()
			.jsonPath("$.paths['/api/lab/jobs'].post.responses['202'].headers.Location.schema.type")
			.isEqualTo("string")
			.jsonPath("$.paths['/api/lab/backends/{name}'].get.responses['5XX'].content['application/problem+json']")
			.exists()
			.jsonPath(
					"$.paths['/api/patterns'].get.responses['429'].content['application/problem+json'].example.status")
			.isEqualTo(429);
	}

	@Test
	void documentsThatStartingAJobAnswers202AndTakesNoBody() {
		apiDocs().jsonPath("$.paths['/api/lab/jobs'].post.requestBody")
			.doesNotExist()
			.jsonPath("$.paths['/api/lab/jobs'].post.responses['202'].content['application/json'].schema")
			.exists()
			.jsonPath("$.paths['/api/lab/jobs'].post.responses['200']")
			.doesNotExist()
			.jsonPath("$.paths['/api/lab/jobs'].post.responses['415'].content['application/problem+json']")
			.exists();
	}

	@Test
	void documentsTheLabsRefusalsWithRetryAfterAndTheBackendsFailures() {
		WebTestClient.BodyContentSpec docs = apiDocs();
		for (String operation : List.of("$.paths['/api/lab/demos/{demo}'].get",
				"$.paths['/api/lab/demos/{demo}/compare'].get", "$.paths['/api/lab/jobs'].post")) {
			for (String status : List.of("429", "503")) {
				String response = operation + ".responses['" + status + "']";
				docs.jsonPath(response + ".content['application/problem+json'].schema['$ref']")
					.isEqualTo("#/components/schemas/Problem")
					.jsonPath(response + ".headers['Retry-After'].schema.type")
					.isEqualTo("integer");
			}
		}
		docs.jsonPath("$.paths['/api/lab/backends/{name}'].get.responses['503'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/lab/backends/{name}'].get.responses['504'].content['application/problem+json']")
			.exists()
			// a document read is not limited, and says nothing of it
			.jsonPath("$.paths['/api/patterns/{id}'].get.responses['429']")
			.doesNotExist()
			.jsonPath("$.paths['/api/patterns'].get.responses['429'].headers['Retry-After'].schema.type")
			.isEqualTo("integer")
			.jsonPath("$.paths['/api/facets'].get.responses['503'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/lab/demos'].get.responses['503']")
			.doesNotExist();
	}

	@Test
	void documentsEachDemosOwnParametersWithTheirBoundsAndTheDemosAsChoices() {
		String run = "$.paths['/api/lab/demos/{demo}'].get";
		apiDocs().jsonPath(run + ".parameters[?(@.name == 'demo')].schema.enum[*]")
			.value((demos) -> assertThat(demos.toString()).contains("fan-out", "hedging", "tail-amplification"))
			.jsonPath(run + ".parameters[?(@.name == 'variant')].schema.enum[*]")
			.value((variants) -> assertThat(variants.toString()).contains("sequential", "parallel", "hedged"))
			.jsonPath(run + ".parameters[?(@.name == 'n')].schema.type")
			.isEqualTo("integer")
			.jsonPath(run + ".parameters[?(@.name == 'n')].schema.maximum")
			.isEqualTo(100)
			.jsonPath(run + ".parameters[?(@.name == 'n')].description")
			.value((description) -> assertThat(description.toString()).contains("tail-amplification"))
			.jsonPath(run + ".parameters[?(@.name == 'transport')].schema.enum[*]")
			.value((transports) -> assertThat(transports.toString()).contains("http", "in-process"))
			.jsonPath("$.paths['/api/lab/demos/{demo}/compare'].get.parameters[?(@.name == 'seed')].schema.type")
			.isEqualTo("integer");
	}

	@Test
	void theRootLeadsToSwaggerUi() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/swagger-ui.html");
		this.client.get()
			.uri("/swagger-ui/index.html")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Swagger UI"));
	}

	private WebTestClient.BodyContentSpec apiDocs() {
		return this.client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody();
	}

}
