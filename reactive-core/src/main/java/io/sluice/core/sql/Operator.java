package io.sluice.core.sql;

/** The binary operators of the expression language, each with the SQL it renders to where the dialects agree. */
public enum Operator {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    PLUS("+"),
    MINUS("-"),
    TIMES("*"),
    DIVIDE("/"),
    /** String concatenation; the dialect decides how it is written. */
    CONCAT("||");

    private final String sql;

    Operator(String sql) {
        this.sql = sql;
    }

    /**
     * Returns the operator's SQL token.
     *
     * @return the token, for example {@code <=}
     */
    public String sql() {
        return sql;
    }
}
