package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * {@code left [LEFT OUTER] JOIN right ON condition}.
 *
 * @param left the left side
 * @param right the joined item
 * @param type inner or left outer
 * @param on the join condition
 */
public record Join(FromItem left, FromItem right, Type type, Expression<Boolean> on) implements FromItem {

    /** Inner or left outer. */
    public enum Type {
        INNER("JOIN"),
        LEFT_OUTER("LEFT OUTER JOIN");

        private final String sql;

        Type(String sql) {
            this.sql = sql;
        }

        /**
         * Returns the keywords of the join.
         *
         * @return the SQL
         */
        public String sql() {
            return sql;
        }
    }

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public Join {
        Assert.requireNonNull(left, "left must not be null");
        Assert.requireNonNull(right, "right must not be null");
        Assert.requireNonNull(type, "type must not be null");
        Assert.requireNonNull(on, "on must not be null");
    }

    @Override
    public <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitJoin(this);
    }
}
