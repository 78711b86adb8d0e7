package io.sluice.spring.boot;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.sluice.core.Engine;
import io.sluice.core.SqlConnection;
import io.sluice.core.sql.SQL;
import io.sluice.spring.boot.app.Account;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicator, the observation per statement and the pool's gauges, on every database. */
class SluiceObservabilityIntegrationTests {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Configuration(proxyBeanMethods = false)
    @SluiceEntityScan(basePackageClasses = Account.class)
    static class Observed {

        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(SluiceAutoConfiguration.class, SluiceObservabilityAutoConfiguration.class))
            .withUserConfiguration(Observed.class);

    @DatabaseTest
    void shouldObserveEveryStatement(TestDatabase on) {
        on.engine();
        runner.withPropertyValues("sluice.url=" + on.url()).run(context -> {
            Engine engine = context.getBean(Engine.class);
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            engine.query(SQL.text("SELECT 1")).blockLast(TIMEOUT);
            try {
                engine.query(SQL.text("SELECT * FROM no_such_table_observed")).blockLast(TIMEOUT);
            } catch (RuntimeException expected) {
                // observed as an error
            }
            String system = engine.dialect().name().toLowerCase(java.util.Locale.ROOT);
            assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("sluice.statement", 2)
                    .forAllObservationsWithNameEqualTo(
                            "sluice.statement",
                            observation -> observation
                                    .hasLowCardinalityKeyValue("operation", "SELECT")
                                    .hasLowCardinalityKeyValue("db.system", system))
                    .hasAnObservation(observation -> observation
                            .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                            .hasHighCardinalityKeyValue("db.statement", "SELECT 1")
                            .hasHighCardinalityKeyValue("db.rows", "1"))
                    .hasAnObservation(observation -> observation
                            .hasLowCardinalityKeyValue("outcome", "ERROR")
                            .hasHighCardinalityKeyValue("db.statement", "SELECT * FROM no_such_table_observed")
                            .hasError());
        });
    }

    @DatabaseTest
    void shouldCountFlushesAndTheObjectsTheyWrite(TestDatabase on) {
        on.engine();
        runner.withPropertyValues("sluice.url=" + on.url()).run(context -> {
            Engine engine = context.getBean(Engine.class);
            io.sluice.session.mapping.Mapping mapping = context.getBean(io.sluice.session.mapping.Mapping.class);
            io.sluice.testing.Schemas.recreate(engine, mapping.metadata());
            try {
                MeterRegistry meters = new SimpleMeterRegistry();
                context.getBean("sluiceSessionMeters", MeterBinder.class).bindTo(meters);
                io.sluice.session.SessionFactory sessions = context.getBean(io.sluice.session.SessionFactory.class);
                sessions.inTransaction(session -> {
                            session.add(new Account("ed"));
                            session.add(new Account("wendy"));
                            return session.flush();
                        })
                        .blockLast(TIMEOUT);
                try {
                    sessions.inTransaction(session -> {
                                session.add(new Account("x".repeat(60))); // longer than the column: the flush fails
                                return session.flush();
                            })
                            .blockLast(TIMEOUT);
                } catch (RuntimeException expected) {
                    // counted as a failed flush
                }
                assertThat(meters.get("sluice.session.flushes")
                                .tag("outcome", "SUCCESS")
                                .counter()
                                .count())
                        .isEqualTo(1.0);
                assertThat(meters.get("sluice.session.flushes")
                                .tag("outcome", "ERROR")
                                .counter()
                                .count())
                        .isEqualTo(1.0);
                assertThat(meters.get("sluice.session.objects.flushed")
                                .tag("operation", "insert")
                                .counter()
                                .count())
                        .isEqualTo(2.0);
                assertThat(meters.get("sluice.session.objects.flushed")
                                .tag("operation", "update")
                                .counter()
                                .count())
                        .isZero();
            } finally {
                io.sluice.testing.Schemas.drop(engine, mapping.metadata());
            }
        });
    }

    @DatabaseTest
    void shouldReportHealthAndThePool(TestDatabase on) {
        on.engine();
        runner.withPropertyValues("sluice.url=" + on.url(), "sluice.pool.max-size=3")
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    Health health = context.getBean(SluiceHealthIndicator.class)
                            .health()
                            .block(TIMEOUT);
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails())
                            .containsEntry("database", engine.dialect().name())
                            .containsEntry("max", 3);

                    MeterRegistry meters = new SimpleMeterRegistry();
                    context.getBean("sluicePoolMeters", MeterBinder.class).bindTo(meters);
                    SqlConnection held = engine.acquire().block(TIMEOUT);
                    try {
                        assertThat(meters.get("sluice.pool.acquired").gauge().value())
                                .isEqualTo(1.0);
                        assertThat(meters.get("sluice.pool.max").gauge().value())
                                .isEqualTo(3.0);
                    } finally {
                        held.release().block(TIMEOUT);
                    }
                    assertThat(meters.get("sluice.pool.acquired").gauge().value())
                            .isZero();
                });
    }

    @Test
    void shouldReportDownWhenTheDatabaseCannotBeReached() {
        runner.withPropertyValues(
                        "sluice.url=r2dbc:postgresql://postgres@127.0.0.1:1/test", "sluice.pool.max-acquire-time=5s")
                .run(context -> {
                    Health health = context.getBean(SluiceHealthIndicator.class)
                            .health()
                            .block(TIMEOUT);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(String.valueOf(health.getDetails().get("error"))).contains("could not connect to");
                });
    }
}
