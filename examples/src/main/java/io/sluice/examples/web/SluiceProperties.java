package io.sluice.examples.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's database settings, under {@code sluice.} in {@code application.properties} or on the command line.
 *
 * @param url the R2DBC URL; by default an in-memory H2 database
 * @param echo whether to log every statement
 * @param maxSize the most pooled connections
 * @param acquireTimeout how long a request waits for a connection
 * @param demoUsers how many generated users to insert at startup, for trying the export (0 for none)
 */
@ConfigurationProperties("sluice")
public record SluiceProperties(
        @DefaultValue("r2dbc:h2:mem:///sluice_web") String url,
        @DefaultValue("false") boolean echo,
        @DefaultValue("10") int maxSize,
        @DefaultValue("30s") Duration acquireTimeout,
        @DefaultValue("0") int demoUsers) {}
