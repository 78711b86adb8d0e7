package io.sluice.core.sql.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.dialect.MariaDbDialect;
import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import org.junit.jupiter.api.Test;

/** INTERSECT and EXCEPT (with ALL where the database has it), searched CASE, CAST and scalar subqueries in projections. */
class CompoundAndCaseRenderUnitTests {

    static final Table A = Table.builder("a").column("x", SqlType.INTEGER).build();
    static final Table B = Table.builder("b").column("x", SqlType.INTEGER).build();
    static final Column<Integer> AX = A.column("x", Integer.class);
    static final Column<Integer> BX = B.column("x", Integer.class);

    @Test
    void shouldWriteIntersectAndExcept() {
        assertThat(SqlRenderer.render(SQL.select(AX).intersect(SQL.select(BX)), PostgresDialect.INSTANCE)
                        .sql())
                .isEqualTo("SELECT a.x FROM a INTERSECT SELECT b.x FROM b");
        assertThat(SqlRenderer.render(SQL.select(AX).exceptAll(SQL.select(BX)), MariaDbDialect.INSTANCE)
                        .sql())
                .isEqualTo("SELECT a.x FROM a EXCEPT ALL SELECT b.x FROM b");
        assertThat(SqlRenderer.render(SQL.select(AX).intersectAll(SQL.select(BX)), PostgresDialect.INSTANCE)
                        .sql())
                .isEqualTo("SELECT a.x FROM a INTERSECT ALL SELECT b.x FROM b");
        assertThat(SqlRenderer.render(SQL.select(AX).except(SQL.select(BX)).orderBy(AX), H2Dialect.INSTANCE)
                        .sql())
                .isEqualTo("SELECT a.x FROM a EXCEPT SELECT b.x FROM b ORDER BY x");
    }

    @Test
    void shouldCombineFromLeftToRightWhenIntersectFollowsAUnion() {
        assertThat(SqlRenderer.render(
                                SQL.select(AX).union(SQL.select(BX)).intersect(SQL.select(AX)),
                                PostgresDialect.INSTANCE)
                        .sql())
                .isEqualTo("(SELECT a.x FROM a UNION SELECT b.x FROM b) INTERSECT SELECT a.x FROM a");
    }

    @Test
    void shouldRefuseIntersectAllAndExceptAllOnH2NamingTheAlternative() {
        assertThatThrownBy(() -> SqlRenderer.render(SQL.select(AX).intersectAll(SQL.select(BX)), H2Dialect.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("H2 has no INTERSECT ALL")
                .hasMessageContaining("intersect(...)");
        assertThatThrownBy(() -> SqlRenderer.render(SQL.select(AX).exceptAll(SQL.select(BX)), H2Dialect.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("H2 has no EXCEPT ALL");
    }

    @Test
    void shouldWriteASearchedCaseWithEveryValueBound() {
        RenderedSql sql = SqlRenderer.render(
                SQL.select(SQL.caseWhen(AX.gt(10), "big")
                        .when(AX.gt(5), "medium")
                        .otherwise("small")
                        .as("size")),
                PostgresDialect.INSTANCE);
        assertThat(sql.sql())
                .isEqualTo("SELECT CASE WHEN (a.x > $1) THEN $2 WHEN (a.x > $3) THEN $4 ELSE $5 END AS size FROM a");
        assertThat(sql.binds()).extracting(BindValue::value).containsExactly(10, "big", 5, "medium", "small");
        assertThat(SqlRenderer.render(SQL.select(SQL.caseWhen(AX.isNull(), BX)).from(A, B), MariaDbDialect.INSTANCE)
                        .sql())
                .isEqualTo("SELECT CASE WHEN (a.x IS NULL) THEN b.x END FROM a, b");
    }

    @Test
    void shouldWriteCastsAndScalarSubqueriesInProjections() {
        assertThat(SqlRenderer.render(
                                SQL.select(
                                        AX,
                                        SQL.cast(AX, SqlType.BIGINT).as("wide"),
                                        SQL.select(SQL.max(BX))
                                                .where(BX.lt(AX))
                                                .<Integer>scalar()
                                                .as("below")),
                                MariaDbDialect.INSTANCE)
                        .sql())
                .isEqualTo("SELECT a.x, CAST(a.x AS SIGNED) AS wide, (SELECT max(b.x) FROM b WHERE b.x < a.x) AS below"
                        + " FROM a");
    }
}
