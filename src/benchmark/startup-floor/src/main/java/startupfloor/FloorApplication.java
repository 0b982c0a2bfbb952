package startupfloor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Nothing but Spring WebFlux and the actuator: how long Spring Boot alone takes to be
 * ready, for the startup benchmark to set the service against.
 */
@SpringBootApplication
public class FloorApplication {

	public static void main(String[] args) {
		SpringApplication.run(FloorApplication.class, args);
	}

}
