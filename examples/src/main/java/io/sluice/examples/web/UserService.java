package io.sluice.examples.web;

import static io.sluice.session.LoadOption.selectinLoad;

import io.sluice.session.Session;
import io.sluice.session.Sessions;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The users' service. Each public method is {@code @Transactional}: the starter's {@code SluiceTransactionManager} opens one
 * Sluice session and transaction for it, which the method finds in the Reactor Context with {@link Sessions#current()}; the
 * transaction commits (flushing the session first) when the returned publisher completes, and rolls back when it fails or
 * its subscriber cancels. Writes are flushed before a method completes, so that a database refusal (a stale version, a
 * constraint) fails the method rather than its commit.
 */
@Service
public class UserService {

    /**
     * Emits one page of users in key order, with the number of users, in a read-only transaction.
     *
     * @param page the page number, from 0
     * @param size the most users on a page
     * @return the page
     */
    @Transactional(readOnly = true)
    public Mono<UserPage> page(int page, int size) {
        return Sessions.current()
                .flatMap(session -> session.query(User.class)
                        .count()
                        .flatMap(total -> session.query(User.class)
                                .orderBy(User_.id)
                                .slice((long) page * size, (long) page * size + size)
                                .all()
                                .map(UserSummary::of)
                                .collectList()
                                .map(items -> new UserPage(page, size, total, items))));
    }

    /**
     * Emits a user with its addresses, loaded in a second query ({@code selectinLoad}), in a read-only transaction.
     *
     * @param id the key
     * @return the user's details; errors with {@link UserNotFoundException} if there is none
     */
    @Transactional(readOnly = true)
    public Mono<UserDetails> get(int id) {
        return withAddresses(id).map(UserDetails::of);
    }

    /**
     * Inserts a user and its addresses.
     *
     * @param user the new user
     * @return the user's details, with its key and version
     */
    @Transactional
    public Mono<UserDetails> create(User user) {
        return Sessions.current().flatMap(session -> {
            session.add(user);
            return session.flush().then(Mono.fromSupplier(() -> UserDetails.of(user)));
        });
    }

    /**
     * Changes a user, if the request was based on its current version.
     *
     * @param id the key
     * @param changes the new values and the version they were based on
     * @return the changed user's details with its new version; errors with {@link UserNotFoundException} or {@link
     *     VersionConflictException}, or {@link io.sluice.session.StaleObjectException} if another transaction changed it
     *     meanwhile
     */
    @Transactional
    public Mono<UserDetails> update(int id, UserChanges changes) {
        return withAddresses(id).flatMap(user -> {
            long current = Objects.requireNonNull(user.getVersion());
            long sent = Objects.requireNonNull(changes.version());
            if (current != sent) {
                return Mono.error(new VersionConflictException(id, sent, current));
            }
            changes.applyTo(user);
            return Sessions.current().flatMap(Session::flush).then(Mono.fromSupplier(() -> UserDetails.of(user)));
        });
    }

    /**
     * Deletes a user and, by the cascade of its mapping, its addresses.
     *
     * @param id the key
     * @return completes when deleted; errors with {@link UserNotFoundException} if there is none
     */
    @Transactional
    public Mono<Void> delete(int id) {
        return Sessions.current()
                .flatMap(session -> session.get(User.class, id)
                        .switchIfEmpty(Mono.error(() -> new UserNotFoundException(id)))
                        .flatMap(user -> {
                            session.delete(user);
                            return session.flush();
                        }));
    }

    /**
     * Emits every user in key order as the subscriber asks for them, without holding them in the session, in a read-only
     * transaction that lasts as long as the stream: a subscriber that cancels ends it.
     *
     * @return the users
     */
    @Transactional(readOnly = true)
    public Flux<UserSummary> export() {
        return Sessions.current()
                .flatMapMany(session -> session.query(User.class).orderBy(User_.id).stream())
                .map(UserSummary::of);
    }

    private static Mono<User> withAddresses(int id) {
        return Sessions.current()
                .flatMap(session -> session.query(User.class)
                        .options(selectinLoad(User_.addresses))
                        .filterBy(User_.id, id)
                        .oneOrNone())
                .switchIfEmpty(Mono.error(() -> new UserNotFoundException(id)));
    }
}
