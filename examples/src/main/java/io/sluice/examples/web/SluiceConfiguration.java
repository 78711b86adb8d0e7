package io.sluice.examples.web;

import io.sluice.core.Engine;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sluice in the application: the engine (pooled, connecting lazily), the mapping and the session factory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SluiceProperties.class)
public class SluiceConfiguration {

    /**
     * Returns the engine over the configured URL. Its pool is closed by {@link SluiceLifecycle}, without blocking, after the web
     * server has stopped (hence no destroy method: {@link Engine#close()} returns a {@code Mono}).
     *
     * @param properties the settings
     * @return the engine
     */
    @Bean(destroyMethod = "")
    public Engine engine(SluiceProperties properties) {
        return Engine.builder(properties.url())
                .echo(properties.echo())
                .maxSize(properties.maxSize())
                .acquireTimeout(properties.acquireTimeout())
                .build();
    }

    /**
     * Returns the mapped classes.
     *
     * @return the mapping
     */
    @Bean
    public Mapping mapping() {
        return Mapping.of(User.class, Address.class);
    }

    /**
     * Returns the factory of the sessions that requests run in.
     *
     * @param engine the engine
     * @param mapping the mapping
     * @return the factory
     */
    @Bean
    public SessionFactory sessionFactory(Engine engine, Mapping mapping) {
        return SessionFactory.of(engine, mapping);
    }

    /**
     * Returns the lifecycle that creates the tables at startup and closes the engine at shutdown.
     *
     * @param engine the engine
     * @param mapping the mapping
     * @param properties the settings
     * @return the lifecycle
     */
    @Bean
    public SluiceLifecycle sluiceLifecycle(Engine engine, Mapping mapping, SluiceProperties properties) {
        return new SluiceLifecycle(engine, mapping, properties.demoUsers());
    }
}
