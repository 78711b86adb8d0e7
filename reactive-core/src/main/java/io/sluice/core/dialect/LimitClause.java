package io.sluice.core.dialect;

import org.jspecify.annotations.Nullable;

/**
 * How a dialect writes LIMIT and OFFSET. The values are bind parameters: the clause receives their bind markers, and for
 * dialects with positional {@code ?} markers it must write the limit's marker before the offset's.
 */
@FunctionalInterface
public interface LimitClause {

    /** {@code LIMIT l OFFSET o}, as PostgreSQL, H2 and MariaDB all read it; an offset alone is {@code OFFSET o}. */
    LimitClause LIMIT_OFFSET = (limit, offset) -> {
        StringBuilder sql = new StringBuilder();
        if (limit != null) {
            sql.append(" LIMIT ").append(limit);
        }
        if (offset != null) {
            sql.append(" OFFSET ").append(offset);
        }
        return sql.toString();
    };

    /**
     * Returns the clause, starting with a space.
     *
     * @param limitMarker the bind marker of the limit, or {@code null} for none
     * @param offsetMarker the bind marker of the offset, or {@code null} for none
     * @return the SQL, empty if both are {@code null}
     */
    String render(@Nullable String limitMarker, @Nullable String offsetMarker);
}
