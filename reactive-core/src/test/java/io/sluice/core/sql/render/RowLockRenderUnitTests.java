package io.sluice.core.sql.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.dialect.MariaDbDialect;
import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import org.junit.jupiter.api.Test;

/** Row locks as each database writes them, after LIMIT, and the locks a database cannot take refused before sending. */
class RowLockRenderUnitTests {

    static final Table JOBS = Table.builder("jobs")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("status", SqlType.varchar(10))
            .build();
    static final Column<String> STATUS = JOBS.column("status", String.class);

    private static Select claim() {
        return SQL.select(JOBS.column("id")).where(STATUS.eq("new")).limit(5);
    }

    @Test
    void shouldWriteForUpdateSkipLockedAfterTheLimitOnEveryDatabase() {
        assertThat(SqlRenderer.render(claim().forUpdate().skipLocked(), PostgresDialect.INSTANCE)
                        .sql())
                .endsWith("LIMIT $2 FOR UPDATE SKIP LOCKED");
        assertThat(SqlRenderer.render(claim().forUpdate().skipLocked(), MariaDbDialect.INSTANCE)
                        .sql())
                .endsWith("LIMIT ? FOR UPDATE SKIP LOCKED");
        assertThat(SqlRenderer.render(claim().forUpdate().nowait(), H2Dialect.INSTANCE)
                        .sql())
                .endsWith("FOR UPDATE NOWAIT");
    }

    @Test
    void shouldWriteSharedLocksAndLockedTablesWhereTheDatabaseHasThem() {
        assertThat(SqlRenderer.render(claim().forShare().of(JOBS), PostgresDialect.INSTANCE)
                        .sql())
                .endsWith("FOR SHARE OF jobs");
        assertThat(SqlRenderer.render(claim().forShare().nowait(), MariaDbDialect.INSTANCE)
                        .sql())
                .endsWith("LOCK IN SHARE MODE NOWAIT");
        assertThat(SqlRenderer.render(claim().forUpdate().of(JOBS), H2Dialect.INSTANCE)
                        .sql())
                .endsWith("FOR UPDATE OF jobs");
    }

    @Test
    void shouldRefuseLocksADatabaseCannotTakeNamingTheAlternative() {
        assertThatThrownBy(() -> SqlRenderer.render(claim().forShare(), H2Dialect.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("H2 has no shared row locks")
                .hasMessageContaining("forUpdate()");
        assertThatThrownBy(() -> SqlRenderer.render(claim().forUpdate().of(JOBS), MariaDbDialect.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("MariaDB")
                .hasMessageContaining("remove of(...)");
        assertThatThrownBy(() -> claim().skipLocked())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call forUpdate() or forShare() before skipLocked()");
    }
}
