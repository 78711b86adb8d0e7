package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.sql.SQL;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class StatementCounterIntegrationTests {

    @Test
    void shouldCountStatementsButNotTransactionCommands() {
        StatementCounter counter = new StatementCounter();
        Engine engine = TestDatabase.H2.newEngine(builder -> builder.listener(counter));
        engine.transaction(connection ->
                        connection.query(SQL.text("SELECT 1")).thenMany(connection.query(SQL.text("SELECT 2"))))
                .blockLast(Duration.ofSeconds(10));
        assertThat(counter.count()).isEqualTo(2);
        assertThat(counter.statements()).containsExactly("SELECT 1", "SELECT 2");
        counter.reset();
        assertThat(counter.count()).isZero();
        assertThat(counter.statements()).isEmpty();
        engine.close().block(Duration.ofSeconds(10));
    }
}
