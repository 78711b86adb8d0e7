package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.sluice.core.sql.SQL;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An engine on a pool the application owns ({@link EngineBuilder#sharedPool()}), and savepoints on its connections. */
class SharedPoolIntegrationTests {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @DatabaseTest
    void shouldUseTheGivenPoolAndLeaveItOpenWhenClosed(TestDatabase on) {
        on.engine();
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(on.url()))
                .maxSize(2)
                .build());
        try {
            Engine engine = Engine.builder(pool).sharedPool().build();
            assertThat(engine.connectionFactory()).isSameAs(pool);
            assertThat(engine.poolMetrics().orElseThrow().getMaxAllocatedSize()).isEqualTo(2);
            assertThat(engine.query(SQL.text("SELECT 1")).count().block(TIMEOUT))
                    .isEqualTo(1L);
            engine.close().block(TIMEOUT);
            assertThat(pool.isDisposed()).isFalse();
            Engine again = Engine.builder(pool).sharedPool().build();
            assertThat(again.query(SQL.text("SELECT 1")).count().block(TIMEOUT)).isEqualTo(1L);
            again.close().block(TIMEOUT);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void shouldRefuseToShareThePoolOfAUrl() {
        assertThatThrownBy(() -> Engine.builder("r2dbc:h2:mem:///shared").sharedPool())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("sharedPool() needs the pool itself");
    }

    @DatabaseTest
    void shouldRollBackToASavepointAlone(TestDatabase on) {
        Engine engine = on.engine();
        engine.execute(SQL.text("DROP TABLE IF EXISTS core_savepoints")).block(TIMEOUT);
        engine.execute(SQL.text("CREATE TABLE core_savepoints (id INTEGER PRIMARY KEY)"))
                .block(TIMEOUT);
        try {
            engine.transaction(connection -> connection
                            .execute(SQL.text("INSERT INTO core_savepoints (id) VALUES (1)"))
                            .then(connection.createSavepoint("before_two"))
                            .then(connection.execute(SQL.text("INSERT INTO core_savepoints (id) VALUES (2)")))
                            .then(connection.rollbackToSavepoint("before_two"))
                            .then(connection.execute(SQL.text("INSERT INTO core_savepoints (id) VALUES (3)")))
                            .then(connection.createSavepoint("before_four"))
                            .then(connection.execute(SQL.text("INSERT INTO core_savepoints (id) VALUES (4)")))
                            .then(connection.releaseSavepoint("before_four")))
                    .blockLast(TIMEOUT);
            assertThat(engine.query(SQL.text("SELECT id FROM core_savepoints ORDER BY id"))
                            .map(row -> row.get(0, Integer.class))
                            .collectList()
                            .block(TIMEOUT))
                    .containsExactly(1, 3, 4);
        } finally {
            engine.execute(SQL.text("DROP TABLE core_savepoints")).block(TIMEOUT);
        }
    }
}
