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
    /** Full-text search, written by {@link Dialect#fullTextMatch(String, String)}. */
    FULL_TEXT_SEARCH
}
