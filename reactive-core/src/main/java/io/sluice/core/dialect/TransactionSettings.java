package io.sluice.core.dialect;

import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Text;
import java.util.List;

/**
 * How a database applies a transaction's options ({@link io.sluice.core.TransactionOptions}) that its driver's {@code
 * BEGIN} does not: statements run before {@code BEGIN} and after it, and statements that put the connection's settings back
 * after the transaction ends, whichever way it ends.
 *
 * @param beforeBegin statements run before {@code BEGIN} (connection settings)
 * @param isolationInBegin whether the driver's {@code BEGIN} sets the isolation level for the transaction
 * @param readOnlyInBegin whether the driver's {@code BEGIN} makes the transaction read-only
 * @param afterBegin statements run in the transaction, right after {@code BEGIN}
 * @param afterEnd statements that undo {@code beforeBegin}'s settings, run after the commit or rollback
 */
public record TransactionSettings(
        List<Text> beforeBegin,
        boolean isolationInBegin,
        boolean readOnlyInBegin,
        List<Text> afterBegin,
        List<Text> afterEnd) {

    /**
     * Checks and copies the statements.
     *
     * @throws IllegalArgumentException if a list is {@code null}
     */
    public TransactionSettings {
        beforeBegin = List.copyOf(Assert.requireNonNull(beforeBegin, "beforeBegin must not be null"));
        afterBegin = List.copyOf(Assert.requireNonNull(afterBegin, "afterBegin must not be null"));
        afterEnd = List.copyOf(Assert.requireNonNull(afterEnd, "afterEnd must not be null"));
    }
}
