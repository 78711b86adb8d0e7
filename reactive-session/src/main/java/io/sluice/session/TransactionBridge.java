package io.sluice.session;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A service provider interface for transaction systems outside Sluice (Spring's {@code ReactiveTransactionManager}) whose
 * transactions hold a Sluice session, so that {@link Sessions#current()} finds that session and {@link
 * SessionFactory#inTransaction(java.util.function.Function)} joins that transaction instead of beginning one of its own.
 * Implementations are found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.sluice.session.TransactionBridge});
 * applications do not call it.
 */
public interface TransactionBridge {

    /**
     * Emits the session that the outside transaction the subscriber runs in holds, read from the subscriber's Reactor {@code
     * Context} (with {@link Mono#deferContextual}).
     *
     * <ul>
     *   <li>emits the session of {@code factory}'s transaction, or of any factory when {@code factory} is {@code null}
     *   <li>completes empty when the pipeline runs in no such transaction
     * </ul>
     *
     * @param factory the factory whose session is asked for, or {@code null} for any
     * @return the session, or empty
     */
    Mono<Session> current(@Nullable SessionFactory factory);

    /**
     * Tells the outside transaction that work which joined it through {@link SessionFactory#inTransaction} failed, so that it
     * rolls back even if an outer step recovers from the error. Does nothing by default.
     *
     * @param session the session of the joined transaction
     * @param failure the failure
     */
    default void joinedWorkFailed(Session session, Throwable failure) {}
}
