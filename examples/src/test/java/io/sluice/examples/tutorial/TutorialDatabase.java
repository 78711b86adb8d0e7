package io.sluice.examples.tutorial;

import io.sluice.core.Engine;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.examples.Address;
import io.sluice.examples.BlogPost;
import io.sluice.examples.Keyword;
import io.sluice.examples.User;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tutorial's tables on one {@link TestDatabase} for one test: an engine of its own whose statements a
 * {@link RecordingListener} records, the sessions the test opens (closed afterwards) and the tutorial's data sets. {@link
 * #close()} closes both and drops the tables.
 */
final class TutorialDatabase {

    /** The tutorial's mapping: {@link User} and the classes it reaches (addresses, posts, keywords, post_keywords). */
    static final Mapping MAPPING = Mapping.of(User.class);

    /** The classes remapped in "Configuring delete/delete-orphan Cascade", on the same tables. */
    static final Mapping CASCADING = Mapping.of(io.sluice.examples.cascade.User.class);

    static final Duration WAIT = Duration.ofSeconds(20);

    private final TestDatabase database;
    private final RecordingListener sql = new RecordingListener();
    private final Engine engine;
    private final SessionFactory sessions;
    private final List<Session> opened = new ArrayList<>();

    private TutorialDatabase(TestDatabase database, boolean tables) {
        this.database = database;
        Engine shared = database.engine(); // skips or fails the test if the database cannot be reached
        if (tables) {
            Schemas.recreate(shared, MAPPING.metadata());
        } else {
            Schemas.drop(shared, MAPPING.metadata());
        }
        this.engine = database.newEngine(builder -> builder.listener(sql));
        this.sessions = SessionFactory.of(engine, MAPPING);
    }

    /** Returns the fixture with the tutorial's tables created and empty. */
    static TutorialDatabase withTables(TestDatabase database) {
        return new TutorialDatabase(database, true);
    }

    /** Returns the fixture with none of the tutorial's tables. */
    static TutorialDatabase withoutTables(TestDatabase database) {
        return new TutorialDatabase(database, false);
    }

    /** Returns the engine whose statements are recorded. */
    Engine engine() {
        return engine;
    }

    /** Returns the listener recording the engine's statements and transaction commands. */
    RecordingListener sql() {
        return sql;
    }

    /** Returns the number of SELECTs recorded since the last {@link RecordingListener#clear()}. */
    long selects() {
        return sql.events().stream().filter(event -> event.startsWith("SELECT")).count();
    }

    /** Returns the SQL of the statements recorded since the last {@link RecordingListener#clear()} (no transaction commands). */
    List<String> statements() {
        return sql.statements().stream().map(RenderedSql::sql).toList();
    }

    /** Returns the session factory of the tutorial's mapping. */
    SessionFactory sessions() {
        return sessions;
    }

    /** Opens a session of the tutorial's mapping, closed by {@link #close()}. */
    Session open() {
        return remember(sessions.open());
    }

    /** Opens a session of the remapped classes with delete cascades, closed by {@link #close()}. */
    Session openCascading() {
        return remember(SessionFactory.of(engine, CASCADING).open());
    }

    private Session remember(Session session) {
        opened.add(session);
        return session;
    }

    /** Closes the sessions and the engine, then drops the tables. */
    void close() {
        opened.forEach(
                session -> session.close().onErrorResume(e -> Mono.empty()).block(WAIT));
        engine.close().block(WAIT);
        Schemas.drop(database.engine(), MAPPING.metadata());
    }

    /** Collects a flux. */
    static <T> List<T> list(Flux<T> flux) {
        return flux.collectList().block(WAIT);
    }

    /** Collects a flux as its items' {@code toString()}. */
    static List<String> strings(Flux<?> flux) {
        return list(flux.map(String::valueOf));
    }

    /** Returns the four users of "Adding and Updating Objects" as committed: ed (nickname eddie), wendy, mary and fred. */
    static List<User> fourUsers() {
        return List.of(
                new User("ed", "Ed Jones", "eddie"),
                new User("wendy", "Wendy Williams", "windy"),
                new User("mary", "Mary Contrary", "mary"),
                new User("fred", "Fred Flintstone", "freddy"));
    }

    /** Commits {@link #fourUsers()} (ids 1 to 4) in a transaction of its own; no statement is left recorded. */
    void seedFourUsers() {
        commit(fourUsers());
    }

    /**
     * Commits {@link #fourUsers()}, then jack (id 5) with addresses jack@google.com and j25@yahoo.com, as "Working with Related
     * Objects" does; no statement is left recorded.
     *
     * @return jack, detached
     */
    User seedJack() {
        seedFourUsers();
        User jack = jack();
        commit(List.of(jack));
        return jack;
    }

    /** Returns a new jack with his two addresses, jack@google.com first. */
    static User jack() {
        User jack = new User("jack", "Jack Bean", "gjffdd");
        jack.getAddresses().addAll(List.of(new Address("jack@google.com"), new Address("j25@yahoo.com")));
        return jack;
    }

    /**
     * Commits the eager-loading data: ed, wendy and jack (full name in capitals, nickname the name) with 3, 0 and 3 addresses
     * ({@code <name><n>@example.com}), each the author of a post tagged {@code <name>-tag}; no statement is left recorded.
     */
    void seedThreeAuthors() {
        List<Object> objects = new ArrayList<>();
        for (String name : List.of("ed", "wendy", "jack")) {
            User user = new User(name, name.toUpperCase(Locale.ROOT), name);
            for (int i = 1; i <= (name.equals("wendy") ? 0 : 3); i++) {
                user.getAddresses().add(new Address(name + i + "@example.com"));
            }
            objects.add(user);
            BlogPost post = new BlogPost(name + "'s post", "text", user);
            post.getKeywords().add(new Keyword(name + "-tag"));
            objects.add(post);
        }
        commit(objects);
    }

    /** Adds the objects in a transaction of its own and commits it; no statement is left recorded. */
    void commit(List<?> objects) {
        sessions.inTransaction(session -> {
                    session.addAll(objects);
                    return Flux.empty();
                })
                .blockLast(WAIT);
        sql.clear();
    }
}
