package io.sluice.core;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcRollbackException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;

/**
 * Attaches the SQL that failed to a database error while keeping its place in the R2DBC exception hierarchy: a unique-key
 * violation stays an {@link R2dbcDataIntegrityViolationException}, now with {@link R2dbcException#getSql()} set and the SQL in
 * its message. Bind values are never part of the message.
 */
public final class SqlErrors {

    private SqlErrors() {}

    /**
     * Returns the error with the SQL attached, of the same R2DBC category, caused by the original.
     *
     * @param error the driver's error
     * @param sql the SQL text that failed
     * @return the error to signal
     */
    public static R2dbcException withSql(R2dbcException error, String sql) {
        if (error.getMessage() != null && error.getMessage().contains(" [SQL: ")) {
            return error;
        }
        String message = error.getMessage() + " [SQL: " + sql + "]";
        String state = error.getSqlState();
        int code = error.getErrorCode();
        if (error instanceof R2dbcDataIntegrityViolationException) {
            return new R2dbcDataIntegrityViolationException(message, state, code, sql, error);
        } else if (error instanceof R2dbcBadGrammarException) {
            return new R2dbcBadGrammarException(message, state, code, sql, error);
        } else if (error instanceof R2dbcPermissionDeniedException) {
            return new R2dbcPermissionDeniedException(message, state, code, sql, error);
        } else if (error instanceof R2dbcRollbackException) {
            return new R2dbcRollbackException(message, state, code, sql, error);
        } else if (error instanceof R2dbcTimeoutException) {
            return new R2dbcTimeoutException(message, state, code, sql, error);
        } else if (error instanceof R2dbcTransientResourceException) {
            return new R2dbcTransientResourceException(message, state, code, sql, error);
        } else if (error instanceof R2dbcNonTransientResourceException) {
            return new R2dbcNonTransientResourceException(message, state, code, sql, error);
        } else if (error instanceof io.r2dbc.spi.R2dbcNonTransientException) {
            return new R2dbcNonTransientResourceException(message, state, code, sql, error);
        }
        return new R2dbcTransientResourceException(message, state, code, sql, error);
    }
}
