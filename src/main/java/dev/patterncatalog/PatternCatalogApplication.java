package dev.patterncatalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PatternCatalogApplication {

	public static void main(String[] args) {
		SpringApplication.run(PatternCatalogApplication.class, args);
	}

}
