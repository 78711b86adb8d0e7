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
     *   <li>emits the session when the pipeline runs inside {@link SessionFactory#inTransaction}
     *   <li>errors with {@link SessionException} otherwise
     * </ul>
     *
     * @return the session, read when subscribed
     */
    public static Mono<Session> current() {
        return Mono.deferContextual(context -> {
            TransactionScope scope = scope(context);
            return scope != null
                    ? Mono.just(scope.session())
                    : Mono.error(new SessionException(
                            "no session in the Reactor Context: run this pipeline inside sessions.inTransaction(...)",
                            null));
        });
    }

    static @Nullable TransactionScope scope(ContextView context) {
        return context.getOrDefault(KEY, null);
    }

    static Context with(Context context, TransactionScope scope) {
        return context.put(KEY, scope);
    }
}
