package dev.simboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Simboard: a dashboard for reading the results of SigmaMind simulation tests.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SimboardApplication {

	public static void main(String[] args) {
		SpringApplication.run(SimboardApplication.class, args);
	}

}
