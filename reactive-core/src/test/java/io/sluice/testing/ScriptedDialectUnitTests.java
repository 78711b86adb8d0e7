package io.sluice.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.dialect.MariaDbDialect;
import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.render.SqlRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class ScriptedDialectUnitTests {

    private static final Table USERS = Table.builder("users")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("name", SqlType.VARCHAR)
            .build();

    @Test
    void shouldNumberTheMarkersOnH2AndPostgresqlOnly() {
        String sql = "SELECT users.id FROM users WHERE (users.name = ?) AND (users.id IN (?, ?))";

        assertThat(ScriptedDialect.H2.sql(sql))
                .isEqualTo("SELECT users.id FROM users WHERE (users.name = $1) AND (users.id IN ($2, $3))");
        assertThat(ScriptedDialect.POSTGRESQL.sql(sql)).isEqualTo(ScriptedDialect.H2.sql(sql));
        assertThat(ScriptedDialect.MARIADB.sql(sql)).isEqualTo(sql);
    }

    @Test
    void shouldStandForEachOfSluicesDialects() {
        assertThat(List.of(ScriptedDialect.values()))
                .extracting(ScriptedDialect::dialect)
                .containsExactly(H2Dialect.INSTANCE, PostgresDialect.INSTANCE, MariaDbDialect.INSTANCE);
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldWriteMarkersAsTheDialectRendersThem(ScriptedDialect dialect) {
        String rendered = SqlRenderer.render(
                        SQL.select(USERS.column("id", Integer.class))
                                .where(USERS.column("name", String.class).eq("ed")),
                        dialect.dialect())
                .sql();

        assertThat(rendered).isEqualTo(dialect.sql("SELECT users.id FROM users WHERE users.name = ?"));
    }
}
