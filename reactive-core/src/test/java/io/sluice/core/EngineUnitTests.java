package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.dialect.MariaDbDialect;
import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.SQL;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

final class EngineUnitTests {

    @Test
    void shouldKnowTheDialectFromTheUrl() {
        assertThat(Engine.create("r2dbc:h2:mem:///dialect_check").dialect()).isSameAs(H2Dialect.INSTANCE);
        assertThat(Engine.create("r2dbc:postgresql://u@localhost:5432/db").dialect())
                .isSameAs(PostgresDialect.INSTANCE);
        assertThat(Engine.create("r2dbc:mariadb://u@localhost:3306/db").dialect())
                .isSameAs(MariaDbDialect.INSTANCE);
        assertThat(Engine.create("r2dbc:pool:h2:mem:///pooled_check").dialect()).isSameAs(H2Dialect.INSTANCE);
    }

    @Test
    void shouldKnowTheDialectFromConnectionFactoryMetadata() {
        ConnectionFactory factory = ConnectionFactories.get("r2dbc:postgresql://u@localhost:5432/db");
        assertThat(Engine.builder(factory).build().dialect()).isSameAs(PostgresDialect.INSTANCE);
    }

    @Test
    void shouldRejectUnknownDriversAndMalformedUrls() {
        assertThatThrownBy(() -> Engine.create("r2dbc:oracle://u@localhost/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Sluice dialect for database 'oracle'");
        assertThatThrownBy(() -> Engine.create("jdbc:h2:mem:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed R2DBC URL");
        assertThatThrownBy(() -> Engine.builder("r2dbc:h2:mem:///x")
                        .initialSize(5)
                        .maxSize(2)
                        .build())
                .hasMessageContaining("initialSize (5) must not exceed maxSize (2)");
    }

    @Test
    void shouldHideThePasswordInTheUrl() {
        Engine engine = Engine.create("r2dbc:postgresql://sluice:s3cret@db.example:5432/app?connectTimeout=PT1S");
        assertThat(engine.url()).isEqualTo("r2dbc:postgresql://sluice:***@db.example:5432/app?connectTimeout=PT1S");
        assertThat(engine.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> Engine.create("r2dbc:postgresql://sluice:s3cret@db.example:5432/app?password=other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sluice:***@db.example")
                .hasNoCause()
                .message()
                .doesNotContain("s3cret")
                .doesNotContain("other");
    }

    @Test
    void shouldOpenNoConnectionUntilFirstUse() {
        AtomicInteger opened = new AtomicInteger();
        ConnectionFactory h2 = ConnectionFactories.get("r2dbc:h2:mem:///lazy_check?options=DB_CLOSE_DELAY=-1");
        ConnectionFactory counting = new ConnectionFactory() {
            @Override
            public org.reactivestreams.Publisher<? extends io.r2dbc.spi.Connection> create() {
                return Mono.defer(() -> {
                    opened.incrementAndGet();
                    return Mono.from(h2.create());
                });
            }

            @Override
            public io.r2dbc.spi.ConnectionFactoryMetadata getMetadata() {
                return h2.getMetadata();
            }
        };
        Engine engine = Engine.builder(counting).initialSize(2).build();
        assertThat(opened).hasValue(0);

        engine.query(SQL.text("SELECT 1"))
                .as(StepVerifier::create)
                .expectNextCount(1)
                .verifyComplete();

        assertThat(opened.get()).isPositive();
        engine.close().block(Duration.ofSeconds(5));
    }

    @Test
    void shouldFailOnlyWhenUsedNamingTheHostButNeverThePassword() {
        for (String url : new String[] {
            "r2dbc:postgresql://sluice:s3cret@127.0.0.1:1/test", "r2dbc:mariadb://sluice:s3cret@127.0.0.1:1/test"
        }) {
            Engine engine =
                    Engine.builder(url).acquireTimeout(Duration.ofSeconds(10)).build();
            engine.query(SQL.text("SELECT 1"))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(ConnectException.class)
                            .hasMessageContaining("could not connect to")
                            .hasMessageContaining("127.0.0.1")
                            .message()
                            .doesNotContain("s3cret"))
                    .verify(Duration.ofSeconds(20));
        }
    }
}
