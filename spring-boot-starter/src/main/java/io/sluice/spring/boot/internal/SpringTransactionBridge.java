package io.sluice.spring.boot.internal;

import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.TransactionBridge;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Lets {@code Sessions.current()} and {@code SessionFactory.inTransaction} find the session of the Spring transaction the
 * pipeline runs in, as the {@code SluiceTransactionManager} binds it. Found by reactive-session through {@code
 * META-INF/services}.
 */
public final class SpringTransactionBridge implements TransactionBridge {

    @Override
    public Mono<Session> current(@Nullable SessionFactory factory) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(synchronization -> {
                    if (factory != null) {
                        return synchronization.getResource(factory) instanceof SessionHolder holder
                                ? Mono.just(holder.session())
                                : Mono.<Session>empty();
                    }
                    return synchronization.getResource(SessionHolder.ANY) instanceof SessionHolder holder
                            ? Mono.just(holder.session())
                            : Mono.<Session>empty();
                })
                .onErrorResume(NoTransactionException.class, none -> Mono.empty());
    }

    @Override
    public void joinedWorkFailed(Session session, Throwable failure) {
        SessionHolder holder = SessionHolder.of(session);
        if (holder != null) {
            holder.setRollbackOnly();
        }
    }
}
