package io.sluice.examples.web;

import static io.sluice.session.LoadOption.selectinLoad;

import io.sluice.session.Session;
import io.sluice.session.Sessions;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The users' data access. It takes no session: each method works in the session of the transaction its pipeline runs in,
 * found in the Reactor Context with {@link Sessions#current()}. Writes are flushed before a method completes, so that a
 * database refusal (a stale version, a constraint) fails the request rather than its commit.
 */
@Component
public class Users {

    /**
     * Emits one page of users in key order, with the number of users. The users are loaded read-only: the page only shows
     * them.
     *
     * @param page the page number, from 0
     * @param size the most users on a page
     * @return the page
     */
    public Mono<UserPage> page(int page, int size) {
        return Sessions.current()
                .flatMap(session -> session.query(User.class)
                        .count()
                        .flatMap(total -> session.query(User.class)
                                .readOnly() // listed, never changed: the commit skips their dirty check
                                .orderBy(User_.id)
                                .slice((long) page * size, (long) page * size + size)
                                .all()
                                .map(UserSummary::of)
                                .collectList()
                                .map(items -> new UserPage(page, size, total, items))));
    }

    /**
     * Emits a user with its addresses, loaded in a second query ({@code selectinLoad}).
     *
     * @param id the key
     * @return the user; errors with {@link UserNotFoundException} if there is none
     */
    public Mono<User> withAddresses(int id) {
        return Sessions.current()
                .flatMap(session -> session.query(User.class)
                        .options(selectinLoad(User_.addresses))
                        .filterBy(User_.id, id)
                        .oneOrNone())
                .switchIfEmpty(Mono.error(() -> new UserNotFoundException(id)));
    }

    /**
     * Inserts a user and its addresses.
     *
     * @param user the new user
     * @return the user, with its key and version
     */
    public Mono<User> create(User user) {
        return Sessions.current().flatMap(session -> {
            session.add(user);
            return session.flush().thenReturn(user);
        });
    }

    /**
     * Changes a user, if the request was based on its current version.
     *
     * @param id the key
     * @param changes the new values and the version they were based on
     * @return the changed user with its new version; errors with {@link UserNotFoundException} or {@link
     *     VersionConflictException}, or {@link io.sluice.session.StaleObjectException} if another transaction changed it
     *     meanwhile
     */
    public Mono<User> update(int id, UserChanges changes) {
        return withAddresses(id).flatMap(user -> {
            long current = Objects.requireNonNull(user.getVersion());
            long sent = Objects.requireNonNull(changes.version());
            if (current != sent) {
                return Mono.error(new VersionConflictException(id, sent, current));
            }
            changes.applyTo(user);
            return Sessions.current().flatMap(Session::flush).thenReturn(user);
        });
    }

    /**
     * Deletes a user and, by the cascade of its mapping, its addresses.
     *
     * @param id the key
     * @return completes when deleted; errors with {@link UserNotFoundException} if there is none
     */
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
     * Emits every user in key order as the subscriber asks for them, without holding them in the session.
     *
     * @return the users
     */
    public Flux<UserSummary> export() {
        return Sessions.current()
                .flatMapMany(session -> session.query(User.class).orderBy(User_.id).stream())
                .map(UserSummary::of);
    }
}
