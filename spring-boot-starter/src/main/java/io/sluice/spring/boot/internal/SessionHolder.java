package io.sluice.spring.boot.internal;

import io.sluice.core.SqlConnection;
import io.sluice.session.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A Spring transaction's Sluice session, bound in Spring's {@code TransactionSynchronizationManager} under its {@code
 * SessionFactory}: the session, the connection it borrows (or none, when the transaction joined one of Sluice's own), whether
 * the transaction must roll back, and its deadline.
 */
public final class SessionHolder {

    /** The holders of the sessions of active transactions, so that joined work failing can mark its transaction. */
    private static final Map<Session, SessionHolder> ACTIVE = new ConcurrentHashMap<>();

    /** The key under which the first session of a transaction is bound too, for {@code Sessions.current()}. */
    public static final Object ANY = new Object() {
        @Override
        public String toString() {
            return "io.sluice.spring.boot.SessionHolder.ANY";
        }
    };

    private final Session session;
    private final @Nullable SqlConnection connection;
    private volatile boolean rollbackOnly;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

    public SessionHolder(Session session, @Nullable SqlConnection connection) {
        this.session = session;
        this.connection = connection;
    }

    /** Returns the holder of an active transaction's session, or {@code null}. */
    public static @Nullable SessionHolder of(Session session) {
        return ACTIVE.get(session);
    }

    /** Returns how many transactions' sessions are active now (for tests). */
    public static int active() {
        return ACTIVE.size();
    }

    public void activate() {
        ACTIVE.put(session, this);
    }

    /** Returns whether the transaction of this holder has not ended yet. */
    public boolean isActive() {
        return ACTIVE.get(session) == this;
    }

    public void deactivate() {
        ACTIVE.remove(session);
    }

    public Session session() {
        return session;
    }

    /** Returns the connection of a transaction the manager began, or {@code null} for one that joined Sluice's own. */
    public @Nullable SqlConnection connection() {
        return connection;
    }

    public boolean isRollbackOnly() {
        return rollbackOnly;
    }

    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    public void setTimeoutSeconds(int seconds) {
        deadlineNanos = System.nanoTime() + seconds * 1_000_000_000L;
    }

    public boolean isPastDeadline() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    /**
     * Releases the connection to the pool, once: later calls complete at once. Cleanup, a failed rollback and the undoing of a
     * cancelled begin may each come to it.
     */
    public reactor.core.publisher.Mono<Void> releaseOnce() {
        return reactor.core.publisher.Mono.defer(() -> {
            SqlConnection held = connection;
            if (held == null || !released.compareAndSet(false, true)) {
                return reactor.core.publisher.Mono.empty();
            }
            return held.release();
        });
    }
}
