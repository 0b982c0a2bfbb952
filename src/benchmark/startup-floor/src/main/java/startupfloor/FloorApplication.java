package startupfloor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Nothing but Spring WebFlux and the actuator: how long Spring Boot alone takes to be
 * ready, for the startup benchmark to set the service against, and how fast it answers
 * one functional route with the bytes of a file ({@code floor.body}), for the load
 * benchmark to set a document read against.
 */
@SpringBootApplication
public class FloorApplication {

	public static void main(String[] args) {
		SpringApplication.run(FloorApplication.class, args);
	}

	@Bean
	RouterFunction<ServerResponse> floor(@Value("${floor.body:}") String body) throws IOException {
		byte[] bytes = body.isEmpty() ? new byte[0] : Files.readAllBytes(Path.of(body));
		return RouterFunctions.route()
			.GET("/floor", (request) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(bytes))
			.build();
	}

}
