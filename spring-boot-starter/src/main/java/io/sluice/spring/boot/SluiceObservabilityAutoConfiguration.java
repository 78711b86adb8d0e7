package io.sluice.spring.boot;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.sluice.core.Engine;
import io.sluice.spring.boot.internal.ObservationStatementListener;
import io.sluice.spring.boot.internal.PoolMeters;
import io.sluice.spring.boot.internal.SessionMeters;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures what Actuator and Micrometer show of Sluice, each part only when its library is on the class path: the
 * {@code sluice} health indicator, an observation per statement ({@code sluice.statement}) and the pool's gauges ({@code
 * sluice.pool.*}).
 */
@AutoConfiguration(after = SluiceAutoConfiguration.class)
@ConditionalOnClass(Engine.class)
public class SluiceObservabilityAutoConfiguration {

    /** The health indicator, with Spring Boot's health support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.ReactiveHealthIndicator")
    @ConditionalOnBean(Engine.class)
    @ConditionalOnEnabledHealthIndicator("sluice")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "sluiceHealthIndicator")
        SluiceHealthIndicator sluiceHealthIndicator(Engine engine) {
            return new SluiceHealthIndicator(engine);
        }
    }

    /** An observation per statement, with Micrometer's observation API; a no-op registry unless the application has one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    static class Observations {

        @Bean
        @ConditionalOnMissingBean
        ObservationStatementListener sluiceObservationListener(
                ObjectProvider<ObservationRegistry> registry, ObjectProvider<Engine> engine) {
            return new ObservationStatementListener(
                    () -> registry.getIfAvailable(() -> ObservationRegistry.NOOP),
                    () -> engine.getObject().dialect().name().toLowerCase(Locale.ROOT));
        }
    }

    /** The pool's gauges, bound by Spring Boot's metrics support to its registries. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    @ConditionalOnBean(Engine.class)
    static class Meters {

        @Bean
        @ConditionalOnMissingBean(name = "sluicePoolMeters")
        MeterBinder sluicePoolMeters(Engine engine) {
            return new PoolMeters(engine);
        }

        @Bean
        @ConditionalOnMissingBean(name = "sluiceSessionMeters")
        SessionMeters sluiceSessionMeters() {
            return new SessionMeters();
        }
    }
}
