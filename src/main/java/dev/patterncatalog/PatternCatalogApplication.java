package dev.patterncatalog;

import sun.misc.Signal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PatternCatalogApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(PatternCatalogApplication.class, args);
		// `docker stop` sends SIGTERM, after which the JVM would exit with 143 even from
		// a clean shutdown. Handling
		// it here closes the context gracefully (in-flight requests finish) and exits
		// with Spring's code: 0.
		Signal.handle(new Signal("TERM"), (signal) -> System.exit(SpringApplication.exit(context)));
	}

}
