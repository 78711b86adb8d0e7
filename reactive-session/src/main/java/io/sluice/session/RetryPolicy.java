package io.sluice.session;

import io.r2dbc.spi.R2dbcException;
import io.sluice.core.internal.Assert;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * When {@link SessionFactory#inTransaction(RetryPolicy, java.util.function.Function)} runs a unit of work again, in a fresh
 * session and transaction: after a failure the database reports as worth retrying (by default a serialization failure,
 * SQLSTATE {@code 40001}; a PostgreSQL deadlock, {@code 40P01}; a MariaDB deadlock or lock wait timeout, errors 1213 and
 * 1205; H2's lock timeout, error 50200, by which H2 ends deadlocks), at most {@link #maxAttempts()} times in all, waiting an exponentially growing, jittered delay between attempts.
 * Immutable.
 *
 * <pre>{@code
 * factory.inTransaction(RetryPolicy.of(5).backoff(Duration.ofMillis(10), Duration.ofMillis(200)), session -> ...)
 * }</pre>
 */
public final class RetryPolicy {

    /** The failures retried by default: serialization failures, deadlocks and lock wait timeouts. */
    private static final Predicate<Throwable> TRANSIENT = RetryPolicy::isTransient;

    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Predicate<Throwable> retryable;

    private RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Predicate<Throwable> retryable) {
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.retryable = retryable;
    }

    /**
     * Returns a policy of at most {@code maxAttempts} attempts in all, waiting 10 ms, then 20, 40 ... up to 1 s (each delay
     * jittered down by up to half), retrying serialization failures, deadlocks and lock wait timeouts.
     *
     * @param maxAttempts the attempts, the first included
     * @return the policy
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
     */
    public static RetryPolicy of(int maxAttempts) {
        Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
        return new RetryPolicy(maxAttempts, Duration.ofMillis(10), Duration.ofSeconds(1), TRANSIENT);
    }

    /**
     * Returns this policy waiting {@code first} before the second attempt, doubling up to {@code max}.
     *
     * @param first the first delay
     * @param max the longest delay
     * @return the new policy
     */
    public RetryPolicy backoff(Duration first, Duration max) {
        Assert.requireNonNull(first, "first must not be null");
        Assert.requireNonNull(max, "max must not be null");
        Assert.isTrue(!first.isNegative() && max.compareTo(first) >= 0, "give 0 <= first <= max");
        return new RetryPolicy(maxAttempts, first, max, retryable);
    }

    /**
     * Returns this policy retrying the failures a predicate accepts instead (it receives the failure as signalled).
     *
     * @param predicate whether a failure is worth another attempt
     * @return the new policy
     */
    public RetryPolicy retryOn(Predicate<Throwable> predicate) {
        return new RetryPolicy(maxAttempts, firstDelay, maxDelay, Assert.requireNonNull(predicate, "predicate"));
    }

    /**
     * Returns the attempts in all.
     *
     * @return the attempts, the first included
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    boolean retries(Throwable failure) {
        return retryable.test(failure);
    }

    /** The delay before attempt {@code attempt + 1}, for {@code attempt >= 1}. */
    Duration delayAfter(int attempt) {
        long first = firstDelay.toNanos();
        long ceiling = maxDelay.toNanos();
        long delay = first;
        for (int i = 1; i < attempt && delay < ceiling; i++) {
            delay = Math.min(ceiling, delay * 2);
        }
        long jittered = delay / 2 + (delay > 1 ? ThreadLocalRandom.current().nextLong(delay / 2 + 1) : 0);
        return Duration.ofNanos(jittered);
    }

    /**
     * Returns whether a failure is a serialization failure, deadlock or lock wait timeout, anywhere in its causes.
     *
     * @param failure the failure
     * @return {@code true} if a cause is one
     */
    static boolean isTransient(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof R2dbcException error) {
                String state = error.getSqlState();
                int code = error.getErrorCode();
                if ("40001".equals(state) || "40P01".equals(state) || code == 1213 || code == 1205 || code == 50200) {
                    return true;
                }
            }
        }
        return false;
    }
}
