package io.sluice.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.sluice.core.Engine;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.spring.boot.app.Account;
import io.sluice.spring.boot.empty.Marker;
import io.sluice.spring.boot.scan.Note;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;

/** The auto-configuration: where the engine comes from, back-off, entity scanning and the failures at startup. */
final class SluiceAutoConfigurationUnitTests {

    @Configuration(proxyBeanMethods = false)
    @SluiceEntityScan(basePackageClasses = Account.class)
    static class Accounts {}

    @Configuration(proxyBeanMethods = false)
    @SluiceEntityScan("io.sluice.spring.boot.scan")
    static class Notes {}

    @Configuration(proxyBeanMethods = false)
    @SluiceEntityScan(basePackageClasses = Marker.class)
    static class NoEntities {}

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        @Bean
        Engine engine() {
            return Engine.create("r2dbc:h2:mem:///starter_own");
        }

        @Bean
        Mapping mapping() {
            return Mapping.of(Note.class);
        }

        @Bean
        SessionFactory sessions(Engine engine, Mapping mapping) {
            return SessionFactory.of(engine, mapping);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTransactionManager {

        @Bean
        ReactiveTransactionManager transactionManager(ConnectionFactory factory) {
            return new R2dbcTransactionManager(factory);
        }
    }

    private final ApplicationContextRunner withBootR2dbc = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    R2dbcAutoConfiguration.class,
                    R2dbcTransactionManagerAutoConfiguration.class,
                    SluiceAutoConfiguration.class));

    private final ApplicationContextRunner alone =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SluiceAutoConfiguration.class));

    @Test
    void shouldShareTheConnectionFactoryOfSpringR2dbc() {
        withBootR2dbc
                .withUserConfiguration(Accounts.class)
                .withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///starter_shared")
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.connectionFactory()).isSameAs(context.getBean(ConnectionFactory.class));
                    assertThat(engine.dialect().name()).isEqualTo("H2");
                    assertThat(context.getBean(ReactiveTransactionManager.class))
                            .isInstanceOf(SluiceTransactionManager.class);
                    assertThat(context.getBean(SessionFactory.class).mapping().entity(Account.class))
                            .isNotNull();
                });
    }

    @Test
    void shouldMakeAPoolOfItsOwnFromSluiceUrl() {
        withBootR2dbc
                .withUserConfiguration(Accounts.class)
                .withPropertyValues(
                        "spring.r2dbc.url=r2dbc:h2:mem:///starter_spring",
                        "sluice.url=r2dbc:h2:mem:///starter_sluice",
                        "sluice.pool.max-size=3")
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.connectionFactory()).isNotSameAs(context.getBean(ConnectionFactory.class));
                    assertThat(engine.url()).isEqualTo("r2dbc:h2:mem:///starter_sluice");
                    assertThat(engine.poolMetrics().orElseThrow().getMaxAllocatedSize())
                            .isEqualTo(3);
                });
    }

    @Test
    void shouldReadSpringR2dbcPropertiesWithoutBootsR2dbcModule() {
        alone.withUserConfiguration(Accounts.class)
                .withPropertyValues(
                        "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/test",
                        "spring.r2dbc.username=postgres",
                        "spring.r2dbc.password=secret",
                        "spring.r2dbc.pool.max-size=4")
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.url()).isEqualTo("r2dbc:postgresql://postgres:***@127.0.0.1:5432/test");
                    assertThat(engine.poolMetrics().orElseThrow().getMaxAllocatedSize())
                            .isEqualTo(4);
                });
    }

    @Test
    void shouldCloseAnEngineWithAPoolOfItsOwnWhenTheContextCloses() {
        ConnectionPool[] pool = new ConnectionPool[1];
        alone.withUserConfiguration(Accounts.class)
                .withPropertyValues("sluice.url=r2dbc:h2:mem:///starter_closed")
                .run(context ->
                        pool[0] = (ConnectionPool) context.getBean(Engine.class).connectionFactory());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!pool[0].isDisposed() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(pool[0].isDisposed()).isTrue();
    }

    @Test
    void shouldBackOffWhenTheApplicationDefinesItsBeans() {
        withBootR2dbc
                .withUserConfiguration(OwnBeans.class)
                .withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///starter_backoff")
                .run(context -> {
                    assertThat(context).hasSingleBean(Engine.class).hasSingleBean(SessionFactory.class);
                    assertThat(context.getBean(Engine.class).url()).isEqualTo("r2dbc:h2:mem:///starter_own");
                    assertThat(context.getBean(Mapping.class).entities()).hasSize(1);
                    assertThat(context.getBean(SluiceTransactionManager.class).sessionFactory())
                            .isSameAs(context.getBean(SessionFactory.class));
                });
    }

    @Test
    void shouldBackOffWhenTheApplicationHasATransactionManager() {
        withBootR2dbc
                .withUserConfiguration(Accounts.class, OwnTransactionManager.class)
                .withPropertyValues("spring.r2dbc.url=r2dbc:h2:mem:///starter_own_tm")
                .run(context -> {
                    assertThat(context).hasSingleBean(ReactiveTransactionManager.class);
                    assertThat(context).doesNotHaveBean(SluiceTransactionManager.class);
                });
    }

    @Test
    void shouldMapTheEntitiesOfTheScannedPackages() {
        alone.withUserConfiguration(Notes.class)
                .withPropertyValues("sluice.url=r2dbc:h2:mem:///starter_scan")
                .run(context -> {
                    Mapping mapping = context.getBean(Mapping.class);
                    assertThat(mapping.entities())
                            .singleElement()
                            .satisfies(model -> assertThat(model.type()).isEqualTo(Note.class));
                });
    }

    @Test
    void shouldCreateTheSchemaAtStartupWhenAsked() {
        alone.withUserConfiguration(Accounts.class)
                .withPropertyValues("sluice.url=r2dbc:h2:mem:///starter_schema", "sluice.create-schema=true")
                .run(context -> {
                    Engine engine = context.getBean(Engine.class);
                    assertThat(engine.query(io.sluice.core.sql.SQL.text("SELECT COUNT(*) FROM starter_accounts"))
                                    .map(row -> row.get(0, Long.class))
                                    .blockLast(Duration.ofSeconds(30)))
                            .isZero();
                });
    }

    @Test
    void shouldFailClearlyWithoutAUrl() {
        alone.withUserConfiguration(Accounts.class).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .isEqualTo("Sluice could not be configured: no database URL: neither spring.r2dbc.url nor"
                            + " sluice.url is set, and the application has no R2DBC ConnectionFactory bean");
            assertThat(analysis.getAction()).startsWith("Set spring.r2dbc.url to an R2DBC URL");
        });
    }

    @Test
    void shouldFailClearlyForAnUnknownDatabase() {
        alone.withUserConfiguration(Accounts.class)
                .withPropertyValues("sluice.url=r2dbc:oracle://scott@localhost:1521/orcl")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("no Sluice dialect for database 'oracle'");
                    assertThat(analysis.getAction()).contains("r2dbc-postgresql");
                });
    }

    @Test
    void shouldFailClearlyWithoutEntities() {
        alone.withUserConfiguration(NoEntities.class)
                .withPropertyValues("sluice.url=r2dbc:h2:mem:///starter_none")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("no @Entity class in the packages [io.sluice.spring.boot.empty]");
                    assertThat(analysis.getAction()).contains("@SluiceEntityScan");
                });
    }

    @Test
    void shouldFailClearlyWhenTheDatabaseCannotBeReachedAtStartup() {
        alone.withUserConfiguration(Accounts.class)
                .withPropertyValues(
                        "sluice.url=r2dbc:postgresql://postgres@127.0.0.1:1/test",
                        "sluice.pool.max-acquire-time=5s",
                        "sluice.create-schema=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .startsWith("Sluice could not reach the database: could not connect to"
                                    + " r2dbc:postgresql://postgres@127.0.0.1:1/test");
                    assertThat(analysis.getAction()).contains("sluice.create-schema=false");
                });
    }

    @Test
    void shouldRegisterItsFailureAnalyzers() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                        .load(
                                FailureAnalyzer.class,
                                null,
                                SpringFactoriesLoader.FailureHandler.logging(
                                        org.apache.commons.logging.LogFactory.getLog(getClass()))))
                .hasAtLeastOneElementOfType(SluiceFailureAnalyzer.class)
                .hasAtLeastOneElementOfType(SluiceFailureAnalyzer.Unreachable.class);
    }

    private static FailureAnalysis analyze(Throwable failure) {
        for (FailureAnalyzer analyzer :
                new FailureAnalyzer[] {new SluiceFailureAnalyzer(), new SluiceFailureAnalyzer.Unreachable()}) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        throw new AssertionError("no Sluice failure analysis of " + failure, failure);
    }
}
