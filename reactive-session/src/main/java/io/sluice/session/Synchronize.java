package io.sluice.session;

/**
 * What a bulk UPDATE or DELETE run through a session does to the objects the session holds (SQLAlchemy's {@code
 * synchronize_session}).
 */
public enum Synchronize {
    /**
     * The statement's condition is evaluated in Java against the objects the session holds; those that match take the new
     * values (an UPDATE) or leave the session (a DELETE). No extra round trip; a condition or value that cannot be evaluated
     * in Java (a function, a subquery, a column of another table, an expression of columns) fails before anything is sent,
     * naming {@link #FETCH} as the alternative.
     */
    EVALUATE,
    /**
     * The keys of the affected rows are read ({@code UPDATE ... RETURNING} where the database has it, else a SELECT in the
     * same transaction just before the statement); the objects of those keys the session holds are read again after an
     * UPDATE, and leave the session after a DELETE. Works for any condition and value.
     */
    FETCH,
    /**
     * Nothing: objects the session holds keep the values they had, which may no longer be the rows'. For statements that
     * touch no object the session holds, or sessions about to end.
     */
    NONE
}
