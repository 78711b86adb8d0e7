package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.core.sql.render.SqlRenderer;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class NamedParametersUnitTests {

    private static final Table USERS = Table.builder("users")
            .column("id", SqlType.BIGINT)
            .column("name", SqlType.VARCHAR)
            .build();
    private static final Column<Long> ID = USERS.column("id", Long.class);
    private static final Column<String> NAME = USERS.column("name", String.class);

    private static RenderedSql render(Statement statement) {
        return SqlRenderer.render(statement, PostgresDialect.INSTANCE);
    }

    private static Expression<Boolean> text(String sql) {
        return SQL.condition(SQL.text(sql));
    }

    @Test // #17
    void shouldBindTextFragmentsAnywhereInASelect() {
        Select select = SQL.select(ID, SQL.function("upper", SqlType.VARCHAR, SQL.text(":item")))
                .from(USERS)
                .where(NAME.eq("ed")
                        .or(SQL.not(text("name = :a")))
                        .or(NAME.eq(SQL.function("lower", SqlType.VARCHAR, SQL.text(":b"))))
                        .or(ID.in(SQL.select(ID).from(USERS).where(text("id > :c"))))
                        .or(SQL.exists(SQL.select(ID).from(USERS).where(text("id < :d")))))
                .orderBy(SQL.text("CASE WHEN name = :e THEN 0 ELSE 1 END"));

        RenderedSql rendered = render(NamedParameters.bind(
                select, Map.of("item", "i", "a", "A", "b", "B", "c", 3L, "d", 4L, "e", "E", "unused", 0)));

        assertThat(rendered.values()).containsExactly("i", "ed", "A", "B", 3L, 4L, "E");
        assertThat(rendered.sql())
                .contains("upper($1)")
                .contains("name = $3")
                .contains("lower($4)")
                .contains("id > $5")
                .contains("id < $6")
                .contains("name = $7");
    }

    @Test // #17
    void shouldBindTheSelectsOfACompoundSelectAndKeepValuesAlreadyBound() {
        CompoundSelect union = SQL.union(
                SQL.select(ID).from(USERS).where(text("name = :name")),
                SQL.select(ID)
                        .from(USERS)
                        .where(SQL.condition(SQL.text("name = :name").bind("name", "kept"))));

        RenderedSql rendered = render(NamedParameters.bind(union, Map.of("name", "ed")));

        assertThat(rendered.values()).containsExactly("ed", "kept");
    }

    @Test
    void shouldReturnTheSameSelectWhenNothingTakesAValue() {
        Select select = SQL.select(ID).from(USERS).where(NAME.eq("ed").or(text("id = :id")));

        assertThat(NamedParameters.bind(select, Map.of("other", 1))).isSameAs(select);
        assertThat(NamedParameters.bind(select, Map.of())).isSameAs(select);
    }

    @Test
    void shouldBindADerivedTable() {
        Select inner = SQL.select(ID).from(USERS).where(text("name = :inner"));
        Select select = SQL.select(ID).from(inner.subquery("anon_1"));

        assertThat(render(NamedParameters.bind(select, Map.of("inner", "x"))).values())
                .containsExactly("x");
    }

    @Test
    void shouldRejectNullArguments() {
        assertThatThrownBy(() -> NamedParameters.bind((Select) null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("select must not be null");
    }
}
