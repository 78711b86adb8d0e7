package io.sluice.core;

import io.r2dbc.spi.IsolationLevel;
import io.sluice.core.internal.Assert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a transaction begins: its isolation level, whether it is read-only, and how long its statements may wait for a lock or
 * run. Unset options keep the database's and connection's defaults. Options the database takes as connection settings (the
 * timeouts on MariaDB and H2, the isolation level on H2) are put back when the transaction ends, so a pooled connection never
 * carries them into the next one.
 *
 * <pre>{@code
 * TransactionOptions options = TransactionOptions.defaults()
 *         .isolation(IsolationLevel.SERIALIZABLE)
 *         .lockTimeout(Duration.ofSeconds(2));
 * engine.transaction(options, connection -> ...);
 * sessions.inTransaction(options, session -> ...);
 * }</pre>
 *
 * <ul>
 *   <li>isolation: PostgreSQL and MariaDB set it for the transaction alone; H2 sets it for the connection and Sluice puts back
 *       READ COMMITTED, H2's default, afterwards
 *   <li>read-only: PostgreSQL and MariaDB begin a read-only transaction, which refuses writes (SQLSTATE 25006); H2 has no
 *       read-only transactions, so there only a session refuses to flush; sessions load objects read-only everywhere
 *   <li>lock timeout: PostgreSQL {@code lock_timeout}, MariaDB {@code innodb_lock_wait_timeout} (whole seconds), H2 {@code
 *       LOCK_TIMEOUT}; a statement that waits longer fails with the database's lock-timeout error
 *   <li>statement timeout: PostgreSQL {@code statement_timeout}, MariaDB {@code max_statement_time}, H2 {@code QUERY_TIMEOUT}
 * </ul>
 */
public final class TransactionOptions {

    private static final TransactionOptions DEFAULTS = new TransactionOptions(null, false, null, null);

    private final @Nullable IsolationLevel isolation;
    private final boolean readOnly;
    private final @Nullable Duration lockTimeout;
    private final @Nullable Duration statementTimeout;

    private TransactionOptions(
            @Nullable IsolationLevel isolation,
            boolean readOnly,
            @Nullable Duration lockTimeout,
            @Nullable Duration statementTimeout) {
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.lockTimeout = lockTimeout;
        this.statementTimeout = statementTimeout;
    }

    /**
     * Returns the options of a plain transaction: the database's defaults.
     *
     * @return the default options
     */
    public static TransactionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns these options with an isolation level.
     *
     * @param level one of {@link IsolationLevel}'s constants
     * @return the new options
     * @throws IllegalArgumentException if the level is {@code null} or not one of the four standard levels
     */
    public TransactionOptions isolation(IsolationLevel level) {
        Assert.requireNonNull(level, "the isolation level must not be null");
        Assert.isTrue(
                List.of(
                                IsolationLevel.READ_UNCOMMITTED,
                                IsolationLevel.READ_COMMITTED,
                                IsolationLevel.REPEATABLE_READ,
                                IsolationLevel.SERIALIZABLE)
                        .contains(level),
                "the isolation level must be one of IsolationLevel.READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ or"
                        + " SERIALIZABLE, was " + level.asSql());
        return new TransactionOptions(level, readOnly, lockTimeout, statementTimeout);
    }

    /**
     * Returns these options for a read-only transaction.
     *
     * @return the new options
     */
    public TransactionOptions readOnly() {
        return new TransactionOptions(isolation, true, lockTimeout, statementTimeout);
    }

    /**
     * Returns these options with a lock timeout: how long a statement waits for a row or table lock before failing.
     *
     * @param timeout zero or more; MariaDB takes whole seconds only
     * @return the new options
     * @throws IllegalArgumentException if the timeout is {@code null} or negative
     */
    public TransactionOptions lockTimeout(Duration timeout) {
        return new TransactionOptions(isolation, readOnly, checked(timeout, "lock"), statementTimeout);
    }

    /**
     * Returns these options with a statement timeout: how long one statement may run before the database cancels it.
     *
     * @param timeout more than zero
     * @return the new options
     * @throws IllegalArgumentException if the timeout is {@code null}, zero or negative
     */
    public TransactionOptions statementTimeout(Duration timeout) {
        Duration checked = checked(timeout, "statement");
        Assert.isTrue(!checked.isZero(), "the statement timeout must be more than zero (leave it unset for none)");
        return new TransactionOptions(isolation, readOnly, lockTimeout, checked);
    }

    private static Duration checked(Duration timeout, String kind) {
        Assert.requireNonNull(timeout, "the " + kind + " timeout must not be null");
        Assert.isTrue(!timeout.isNegative(), "the " + kind + " timeout must not be negative, was " + timeout);
        Assert.isTrue(
                timeout.toMillis() < Integer.MAX_VALUE,
                "the " + kind + " timeout must be less than " + Integer.MAX_VALUE + " ms, was " + timeout);
        return timeout;
    }

    /**
     * Returns the isolation level, or {@code null} for the connection's.
     *
     * @return the level
     */
    public @Nullable IsolationLevel isolationLevel() {
        return isolation;
    }

    /**
     * Returns whether the transaction is read-only.
     *
     * @return {@code true} if read-only
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Returns the lock timeout, or {@code null} for the database's.
     *
     * @return the timeout
     */
    public @Nullable Duration lockTimeoutValue() {
        return lockTimeout;
    }

    /**
     * Returns the statement timeout, or {@code null} for none.
     *
     * @return the timeout
     */
    public @Nullable Duration statementTimeoutValue() {
        return statementTimeout;
    }

    /**
     * Returns whether these are the default options (a plain {@code BEGIN}).
     *
     * @return {@code true} if nothing is set
     */
    public boolean isDefault() {
        return isolation == null && !readOnly && lockTimeout == null && statementTimeout == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransactionOptions that
                && Objects.equals(isolation, that.isolation)
                && readOnly == that.readOnly
                && Objects.equals(lockTimeout, that.lockTimeout)
                && Objects.equals(statementTimeout, that.statementTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(isolation, readOnly, lockTimeout, statementTimeout);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (isolation != null) {
            parts.add("ISOLATION LEVEL " + isolation.asSql());
        }
        if (readOnly) {
            parts.add("READ ONLY");
        }
        if (lockTimeout != null) {
            parts.add("LOCK TIMEOUT " + lockTimeout.toMillis() + " ms");
        }
        if (statementTimeout != null) {
            parts.add("STATEMENT TIMEOUT " + statementTimeout.toMillis() + " ms");
        }
        return String.join(", ", parts);
    }
}
