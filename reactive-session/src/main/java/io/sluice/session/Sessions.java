package io.sluice.session;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Gives the session of the transaction that the current Reactor pipeline runs in, as {@link
 * SessionFactory#inTransaction(java.util.function.Function)} puts it in the subscriber's {@code Context}. Code further down
 * that pipeline (a repository, a service) reaches the session without taking it as a parameter and without a thread-local:
 *
 * <pre>{@code
 * Mono<User> rename(long id, String name) {
 *     return Sessions.current().flatMap(session -> session.get(User.class, id)).doOnNext(user -> user.setName(name));
 * }
 * sessions.inTransaction(session -> rename(7, "ed"));   // commits when the pipeline completes
 * }</pre>
 */
public final class Sessions {

    /** The Context key; private, so only {@link SessionFactory} writes it and only this class reads it. */
    private static final Object KEY = new Object() {
        @Override
        public String toString() {
            return "io.sluice.session.Sessions.CURRENT";
        }
    };

    private Sessions() {}

    /**
     * Emits the session of the transaction in the subscriber's Reactor {@code Context}.
     *
     * <ul>
     *   <li>emits the session when the pipeline runs inside {@link SessionFactory#inTransaction}, or inside an outside
     *       transaction that holds a session (a Spring {@code @Transactional} method, with the Spring Boot starter: see {@link
     *       TransactionBridge})
     *   <li>errors with {@link SessionException} otherwise
     * </ul>
     *
     * @return the session, read when subscribed
     */
    public static Mono<Session> current() {
        return Mono.deferContextual(context -> {
            TransactionScope scope = scope(context);
            if (scope != null) {
                return Mono.just(scope.session());
            }
            return TransactionBridges.find(null)
                    .map(TransactionBridges.Joined::session)
                    .switchIfEmpty(Mono.error(() -> new SessionException(
                            "no session in the Reactor Context: run this pipeline inside sessions.inTransaction(...)"
                                    + " or a @Transactional method of Spring's SluiceTransactionManager",
                            null)));
        });
    }

    /**
     * Emits the session of a transaction of the given factory that the current Reactor pipeline runs in: one of {@link
     * SessionFactory#inTransaction}, or one outside Sluice that holds a session of the factory (see {@link
     * TransactionBridge}).
     *
     * <ul>
     *   <li>emits the session when there is such a transaction
     *   <li>completes empty otherwise
     * </ul>
     *
     * @param factory the factory
     * @return the session, or empty
     * @throws IllegalArgumentException if {@code factory} is {@code null}
     */
    public static Mono<Session> current(SessionFactory factory) {
        io.sluice.core.internal.Assert.requireNonNull(factory, "factory must not be null");
        return Mono.deferContextual(context -> {
            TransactionScope scope = scope(context);
            if (scope != null && scope.factory() == factory) {
                return Mono.just(scope.session());
            }
            return TransactionBridges.find(factory).map(TransactionBridges.Joined::session);
        });
    }

    /**
     * Dooms the transaction of {@link SessionFactory#inTransaction} that the current pipeline runs in: it rolls back at its
     * end, and signals a {@link SessionException}, as when work that joined it fails, even if the pipeline recovers. Outside
     * transactions (such as Spring's transaction manager, through which a {@code @Transactional} method joins) call it.
     *
     * <ul>
     *   <li>completes empty once the transaction is marked
     *   <li>errors with {@link SessionException} when the pipeline runs in no transaction of {@code inTransaction}
     * </ul>
     *
     * @param failure why the transaction must roll back
     * @return completes when marked
     * @throws IllegalArgumentException if {@code failure} is {@code null}
     */
    public static Mono<Void> setRollbackOnly(Throwable failure) {
        io.sluice.core.internal.Assert.requireNonNull(failure, "failure must not be null");
        return Mono.deferContextual(context -> {
            TransactionScope scope = scope(context);
            if (scope == null) {
                return Mono.error(new SessionException(
                        "no transaction of sessions.inTransaction(...) in the Reactor Context to mark for rollback",
                        null));
            }
            scope.joinedWorkFailed(failure);
            return Mono.empty();
        });
    }

    static @Nullable TransactionScope scope(ContextView context) {
        return context.getOrDefault(KEY, null);
    }

    static Context with(Context context, TransactionScope scope) {
        return context.put(KEY, scope);
    }
}
