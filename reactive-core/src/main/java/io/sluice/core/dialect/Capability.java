package io.sluice.core.dialect;

/** What a database can do natively; the renderer emulates or avoids what a dialect lacks. */
public enum Capability {
    /** {@code INSERT ... RETURNING columns}; without it, generated keys come from the driver's {@code returnGeneratedValues}. */
    RETURNING,
    /** {@code ILIKE}; without it, {@code LOWER(x) LIKE LOWER(pattern)}. */
    ILIKE,
    /** {@code a || b} concatenates strings; without it, {@code CONCAT(a, b)}. */
    CONCAT_OPERATOR,
    /** {@code INSERT INTO t DEFAULT VALUES}; without it, {@code INSERT INTO t () VALUES ()}. */
    DEFAULT_VALUES,
    /** Several rows in one {@code INSERT ... VALUES (...), (...)}. */
    MULTI_ROW_INSERT,
    /**
     * Many rows updated in one statement as {@code UPDATE t SET c = r.c FROM (VALUES (...), (...)) AS r (...) WHERE t.id =
     * r.id} (PostgreSQL).
     */
    UPDATE_FROM_VALUES,
    /**
     * Many rows updated in one statement as {@code UPDATE t JOIN (SELECT ... UNION ALL SELECT ...) AS r ON t.id = r.id SET t.c =
     * r.c} (MariaDB, MySQL).
     */
    UPDATE_JOIN_ROWS,
    /** Full-text search, written by {@link Dialect#fullTextMatch(String, String)}. */
    FULL_TEXT_SEARCH,
    /**
     * Array columns ({@link io.sluice.core.sql.SqlType.Kind#ARRAY}) and their conditions ({@link Dialect#arrayIncludes});
     * without it (MariaDB), array DDL and binds fail: store such values in a JSON column.
     */
    ARRAYS,
    /**
     * Reading a value inside a JSON document ({@link Dialect#jsonText}); without it (H2), {@code SQL.jsonText} fails when
     * rendered: read the document in Java.
     */
    JSON_PATH,
    /**
     * Named enum types ({@link io.sluice.core.sql.SqlType.Kind#NAMED_ENUM}) created and dropped apart from the tables, by
     * {@link Dialect#createEnumType} and {@link Dialect#dropEnumType} (PostgreSQL); without it (H2, MariaDB), an enum column is
     * declared inline as {@code ENUM('a', 'b')} and the type has no DDL of its own.
     */
    ENUM_TYPES,

    /**
     * {@code UPDATE ... RETURNING columns} (PostgreSQL); without it (MariaDB, H2), the rows are selected after the update.
     */
    UPDATE_RETURNING,

    /**
     * An upsert ({@link io.sluice.core.sql.Insert#onConflict}) written as {@code INSERT ... ON CONFLICT (target) DO UPDATE SET
     * c = EXCLUDED.c [WHERE ...]} or {@code DO NOTHING} (PostgreSQL).
     */
    UPSERT_ON_CONFLICT,
    /**
     * An upsert written as {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)} (MariaDB, MySQL): any unique key of the
     * table decides a conflict, there is no condition on the update, and do-nothing is a no-op update.
     */
    UPSERT_ON_DUPLICATE_KEY,
    /**
     * An upsert written as {@code MERGE INTO t USING (VALUES ...) AS excluded (columns) ON t.target = excluded.target WHEN
     * MATCHED [AND ...] THEN UPDATE SET ... WHEN NOT MATCHED THEN INSERT ...} (H2). Without any of the three upsert
     * capabilities, an upsert fails when rendered.
     */
    UPSERT_MERGE,

    /**
     * {@code WITH ...} before an {@code UPDATE} or {@code DELETE} (PostgreSQL); without it (H2, MariaDB 10.11), the common
     * table expressions a statement reads are written at the top of each subquery that reads them.
     */
    WITH_BEFORE_DML,

    /** Window frames counted in peer groups, {@code GROUPS BETWEEN ...} (PostgreSQL, H2); without it (MariaDB), refused. */
    WINDOW_GROUPS,

    /**
     * Frame offsets ({@code n PRECEDING}) and {@code lag}/{@code lead} offsets as bind parameters; without it (MariaDB, which
     * needs constants there), the renderer writes them as the integers Sluice checked, never as text from a caller.
     */
    WINDOW_OFFSET_BINDS,

    /** The third argument of {@code lag} and {@code lead}, the default value; without it (MariaDB), refused. */
    LAG_LEAD_DEFAULT,

    /** {@code INTERSECT ALL} and {@code EXCEPT ALL} (PostgreSQL, MariaDB); without it (H2), refused. */
    INTERSECT_EXCEPT_ALL
}
