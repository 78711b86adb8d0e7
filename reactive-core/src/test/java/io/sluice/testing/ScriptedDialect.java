package io.sluice.testing;

import io.sluice.core.Engine;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.dialect.MariaDbDialect;
import io.sluice.core.dialect.PostgresDialect;
import java.util.List;

/**
 * The three dialects as unit tests over a {@link ScriptedConnectionFactory} see them: what their statements look like on the
 * wire. Tests write expected SQL once with {@code ?} markers, and {@link #sql} writes it as each database's driver receives it;
 * this knowledge is written here by hand, not asked of the dialects, so that a dialect that changes shows in the tests.
 */
public enum ScriptedDialect {
    /** H2 through r2dbc-h2: {@code $1} markers, generated keys asked of the driver. */
    H2(H2Dialect.INSTANCE, true, false),
    /** PostgreSQL through r2dbc-postgresql: {@code $1} markers, generated keys through {@code RETURNING}. */
    POSTGRESQL(PostgresDialect.INSTANCE, true, true),
    /** MariaDB through r2dbc-mariadb: {@code ?} markers, generated keys asked of the driver. */
    MARIADB(MariaDbDialect.INSTANCE, false, false);

    private final Dialect dialect;
    private final boolean numberedMarkers;
    private final boolean returning;

    ScriptedDialect(Dialect dialect, boolean numberedMarkers, boolean returning) {
        this.dialect = dialect;
        this.numberedMarkers = numberedMarkers;
        this.returning = returning;
    }

    /** Returns Sluice's dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** Returns whether inserts read generated keys through {@code RETURNING} (rather than the driver's generated values). */
    public boolean returning() {
        return returning;
    }

    /**
     * Returns an engine of this dialect over a scripted factory.
     *
     * @param database the scripted factory
     * @return the engine; close it when done
     */
    public Engine engine(ScriptedConnectionFactory database) {
        return Engine.builder(database).dialect(dialect).build();
    }

    /**
     * Returns SQL written with {@code ?} markers as this database receives it: {@code $1, $2, ...} on H2 and PostgreSQL,
     * unchanged on MariaDB. The SQL must hold no {@code ?} other than markers.
     *
     * @param sql the SQL with {@code ?} markers
     * @return the SQL with this database's markers
     */
    public String sql(String sql) {
        if (!numberedMarkers) {
            return sql;
        }
        StringBuilder numbered = new StringBuilder(sql.length() + 16);
        int position = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                numbered.append('$').append(++position);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }

    /**
     * Expects an INSERT that reads back generated keys, as this database does it: with {@code RETURNING key} on PostgreSQL,
     * answered with rows; otherwise by asking the driver for the key column's generated values.
     *
     * @param database the scripted factory
     * @param insert the INSERT with {@code ?} markers and without {@code RETURNING}
     * @param key the generated key column
     * @param keys the keys the database hands out, one per inserted row
     * @return the expectation, to give its binds
     */
    public Expectation expectInsert(ScriptedConnectionFactory database, String insert, String key, List<?> keys) {
        Rows rows = Rows.of(key);
        for (Object value : keys) {
            rows = rows.row(value);
        }
        return returning
                ? database.expect(sql(insert) + " RETURNING " + key).returnRows(rows)
                : database.expect(sql(insert)).returnGeneratedKeys(rows);
    }

    @Override
    public String toString() {
        return dialect.name();
    }
}
