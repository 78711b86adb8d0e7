package io.sluice.examples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring WebFlux application on Sluice, on Netty, configured by Sluice's Spring Boot starter: no configuration class of its
 * own, only {@code spring.r2dbc.url} in {@code application.properties}. Start it with {@code mvn -q -pl examples -am package
 * -DskipTests exec:java -Dexec.mainClass=io.sluice.examples.web.WebApplication}; it listens on port 8080 and uses an in-memory
 * H2 database unless {@code spring.r2dbc.url} says otherwise.
 */
@SpringBootApplication
public class WebApplication {

    /**
     * Runs the application.
     *
     * @param args Spring Boot arguments, such as {@code --spring.r2dbc.url=r2dbc:postgresql://postgres@localhost:5432/test}
     */
    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
