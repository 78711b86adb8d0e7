package io.sluice.core.sql;

/** What a foreign key does to referencing rows when the referenced row is deleted ({@code ON DELETE ...}). */
public enum ReferentialAction {
    /** Fail the delete while rows still reference it (the database's default). */
    NO_ACTION("NO ACTION"),
    /** Fail the delete at once while rows still reference it. */
    RESTRICT("RESTRICT"),
    /** Delete the referencing rows too. */
    CASCADE("CASCADE"),
    /** Set the referencing columns to {@code NULL}. */
    SET_NULL("SET NULL");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /**
     * Returns the action as written after {@code ON DELETE}.
     *
     * @return the SQL
     */
    public String sql() {
        return sql;
    }
}
