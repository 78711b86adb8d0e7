package io.sluice.examples;

import io.sluice.core.Engine;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SQL;
import io.sluice.session.Aliased;
import io.sluice.session.NoResultException;
import io.sluice.session.NonUniqueResultException;
import io.sluice.session.Query;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.Tuple2;
import io.sluice.session.mapping.Mapping;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQLAlchemy's ORM tutorial, from "Connecting" to "Counting", on Sluice's ORM layer: a mapped {@link User}, a session that
 * autoflushes, tracks changes and rolls back, and the tutorial's queries. Each step's result is printed the way the tutorial's
 * Python session shows it ({@code 'ed'}, {@code True}, {@code [(1, 'ed')]}), under a header line per section. Run it with
 * {@code mvn -q -pl examples -am package -DskipTests exec:java}: the engine's echo prints the SQL of every step before its result.
 */
public final class Tutorial {

    private Tutorial() {}

    /**
     * Walks the tutorial on an engine: creates the {@code users} table, then runs every step in order in one session, which is
     * closed (rolling back what the tutorial leaves uncommitted) when the walk ends, fails or is cancelled.
     *
     * @param engine the engine to run on; its database must hold no {@code users} rows yet (the table is created if missing)
     * @return the printed lines, in order; nothing happens until subscribed
     */
    public static Flux<String> run(Engine engine) {
        // Declare a Mapping: the class and its table, checked once.
        Mapping mapping = Mapping.of(User.class);
        // Creating a Session: the factory is the tutorial's sessionmaker; a session connects on first need.
        SessionFactory sessions = SessionFactory.of(engine, mapping);
        return Flux.usingWhen(
                Mono.fromSupplier(sessions::open),
                session -> new Walk(engine, mapping, session).steps(),
                Session::close,
                (session, error) -> session.close(),
                Session::close);
    }

    /**
     * Runs the tutorial on an in-memory H2 database with echo on, and prints its results.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Engine engine = Engine.builder("r2dbc:h2:mem:///tutorial").echo(true).build();
        try {
            run(engine).doOnNext(System.out::println).blockLast();
        } finally {
            engine.close().block();
        }
    }

    /** One walk through the tutorial: its session and the objects its steps share. */
    private static final class Walk {

        private final Engine engine;
        private final Mapping mapping;
        private final Session session;
        private final User edUser = new User("ed", "Ed Jones", "edsnickname");
        private final User fakeUser = new User("fakeuser", "Invalid", "12345");

        Walk(Engine engine, Mapping mapping, Session session) {
            this.engine = engine;
            this.mapping = mapping;
            this.session = session;
        }

        /** Returns every section, each subscribed when the one before has completed. */
        Flux<String> steps() {
            return Flux.concat(
                    connecting(),
                    declareAMapping(),
                    createASchema(),
                    createAnInstance(),
                    creatingASession(),
                    addingAndUpdatingObjects(),
                    rollingBack(),
                    querying(),
                    commonFilterOperators(),
                    returningListsAndScalars(),
                    usingTextualSql(),
                    counting());
        }

        /** 1.1: the engine is given; it connects lazily, so nothing has connected yet. */
        private Flux<String> connecting() {
            return header("Connecting");
        }

        /** 1.2: {@link User} and the {@link Mapping} built by {@link #run(Engine)}. */
        private Flux<String> declareAMapping() {
            return header("Declare a Mapping");
        }

        /** 1.3: creates the tables of the mapping that do not exist yet, as {@code create_all} does. */
        private Flux<String> createASchema() {
            return Flux.concat(
                    header("Create a Schema"), await(() -> mapping.metadata().createAll(engine, true)));
        }

        /** 1.4: a transient object; its id reads as null until it is inserted. */
        private Flux<String> createAnInstance() {
            return Flux.concat(
                    header("Create an Instance of the Mapped Class"),
                    show(edUser::getName),
                    show(edUser::getNickname),
                    show(() -> str(edUser.getId())));
        }

        /** 1.5: the session was opened by {@link #run(Engine)}; it holds no connection yet. */
        private Flux<String> creatingASession() {
            return header("Creating a Session");
        }

        /** 1.6: pending objects, autoflush, the identity map, change tracking and commit. */
        private Flux<String> addingAndUpdatingObjects() {
            return Flux.concat(
                    header("Adding and Updating Objects"),
                    // 6.1: ed is pending; no SQL yet
                    act(() -> session.add(edUser)),
                    // 6.2 and 6.3: the query flushes ed first (INSERT), and the identity map gives back the same object
                    Flux.defer(() -> session.query(User.class)
                            .filterBy(User_.name, "ed")
                            .first()
                            .flatMapMany(ourUser -> Flux.just(repr(ourUser), repr(edUser == ourUser)))),
                    // 6.4
                    act(() -> session.addAll(List.of(
                            new User("wendy", "Wendy Williams", "windy"),
                            new User("mary", "Mary Contrary", "mary"),
                            new User("fred", "Fred Flintstone", "freddy")))),
                    // 6.5
                    act(() -> edUser.setNickname("eddie")),
                    // 6.6: session.dirty
                    show(session::dirty),
                    // 6.7: session.new
                    show(session::newObjects),
                    // 6.8: the UPDATE of ed, then one INSERT of the three in the order added, then COMMIT
                    await(session::commit),
                    // 6.9: a commit expires nothing in Sluice, so the id is read without SQL
                    show(edUser::getId));
        }

        /** 1.7: autoflush of an UPDATE and an INSERT, then rollback restores ed and forgets fakeuser. */
        private Flux<String> rollingBack() {
            return Flux.concat(
                    header("Rolling Back"),
                    // 7.1
                    act(() -> edUser.setName("Edwardo")),
                    // 7.2
                    act(() -> session.add(fakeUser)),
                    // 7.3
                    showAll(() -> session.query(User.class).filter(User_.name.in("Edwardo", "fakeuser"))),
                    // 7.4
                    await(session::rollback),
                    // 7.5: the rollback put back the committed values
                    show(edUser::getName),
                    // 7.6
                    show(() -> session.contains(fakeUser)),
                    // 7.7
                    showAll(() -> session.query(User.class).filter(User_.name.in("ed", "fakeuser"))));
        }

        /** 1.8: entity, column and mixed queries, labels, aliases, slices and filters. */
        private Flux<String> querying() {
            return Flux.concat(
                    header("Querying"),
                    // 8.1
                    Flux.defer(() -> session.query(User.class)
                            .orderBy(User_.id)
                            .all()
                            .map(user -> user.getName() + " " + user.getFullname())),
                    // 8.2
                    Flux.defer(() -> session.query(User_.name, User_.fullname)
                            .all()
                            .map(row -> row.getT1() + " " + row.getT2())),
                    // 8.3
                    Flux.defer(() ->
                            session.query(User.class, User_.name).all().map(row -> row.getT1() + " " + row.getT2())),
                    // 8.4
                    Flux.defer(() -> session.query(User_.name.as("name_label")).all()),
                    // 8.5
                    Flux.defer(() -> {
                        Aliased<User> userAlias = session.aliased(User.class, "user_alias");
                        return session.query(userAlias, userAlias.get(User_.name))
                                .all()
                                .map(row -> row.getT1().toString());
                    }),
                    // 8.6: [1:3] is LIMIT 2 OFFSET 1
                    Flux.defer(() -> session.query(User.class)
                            .orderBy(User_.id)
                            .slice(1, 3)
                            .all()
                            .map(User::toString)),
                    // 8.7
                    Flux.defer(() -> session.query(User_.name)
                            .filterBy(User_.fullname, "Ed Jones")
                            .all()),
                    // 8.8
                    Flux.defer(() -> session.query(User_.name)
                            .filter(User_.fullname.eq("Ed Jones"))
                            .all()),
                    // 8.9: two filters are joined by AND
                    Flux.defer(() -> session.query(User.class)
                            .filter(User_.name.eq("ed"))
                            .filter(User_.fullname.eq("Ed Jones"))
                            .all()
                            .map(User::toString)));
        }

        /**
         * 1.8.1: each operator, as the names it selects ordered by id. MATCH and tuple IN are left out: Sluice has neither.
         */
        private Flux<String> commonFilterOperators() {
            return Flux.concat(
                    header("Common Filter Operators"),
                    names("equals", () -> User_.name.eq("ed")),
                    names("not equals", () -> User_.name.ne("ed")),
                    names("LIKE", () -> User_.name.like("%ed%")),
                    names("ILIKE", () -> User_.name.ilike("%ed%")),
                    names("IN list", () -> User_.name.in("ed", "wendy", "jack")),
                    names(
                            "IN subquery",
                            () -> User_.name.in(session.query(User_.name)
                                    .filter(User_.name.like("%ed%"))
                                    .toSelect())),
                    names("NOT IN", () -> User_.name.notIn(List.of("ed", "wendy", "jack"))),
                    names("IS NULL", User_.name::isNull),
                    names("IS NOT NULL", User_.name::isNotNull),
                    names("AND", () -> User_.name.eq("ed").and(User_.fullname.eq("Ed Jones"))),
                    names("OR", () -> User_.name.eq("ed").or(User_.name.eq("wendy"))));
        }

        /** 1.8.2: {@code all}, {@code first}, {@code one} and its errors, {@code oneOrNone} and {@code scalar}. */
        private Flux<String> returningListsAndScalars() {
            Supplier<Query<User>> query = () ->
                    session.query(User.class).filter(User_.name.like("%ed")).orderBy(User_.id);
            return Flux.concat(
                    header("Returning Lists and Scalars"),
                    // 8.10
                    showAll(query),
                    // 8.11
                    showResult(() -> query.get().first()),
                    // 8.12
                    showResult(() -> query.get().one()),
                    // 8.13
                    showResult(() -> query.get().filter(User_.id.eq(99)).one()),
                    // 8.14, not shown by the tutorial: no row, then two rows
                    showResult(() -> session.query(User.class)
                            .filter(User_.name.eq("nobody"))
                            .oneOrNone()),
                    showResult(() -> query.get().oneOrNone()),
                    // 8.15
                    showResult(() -> session.query(User_.id)
                            .filter(User_.name.eq("ed"))
                            .orderBy(User_.id)
                            .scalar()));
        }

        /** 1.8.3: text fragments with named parameters, and whole text statements matched to entities and columns. */
        private Flux<String> usingTextualSql() {
            return Flux.concat(
                    header("Using Textual SQL"),
                    // 8.16
                    Flux.defer(() -> session.query(User.class)
                            .filter(SQL.text("id<224"))
                            .orderBy(SQL.text("id"))
                            .all()
                            .map(User::getName)),
                    // 8.17
                    showResult(() -> session.query(User.class)
                            .filter(SQL.text("id<:value and name=:name"))
                            .params("value", 224)
                            .params("name", "fred")
                            .orderBy(User_.id)
                            .one()),
                    // 8.18: the statement's columns are matched to the entity by name
                    showAll(() -> session.query(User.class)
                            .fromStatement(SQL.text("SELECT * FROM users where name=:name"))
                            .params("name", "ed")),
                    // 8.19: by name too, so no column list is needed
                    showAll(() -> session.query(User.class)
                            .fromStatement(SQL.text("SELECT name, id, fullname, nickname FROM users where name=:name"))
                            .params("name", "ed")),
                    // 8.20
                    showAll(() -> session.query(User_.id, User_.name)
                            .fromStatement(SQL.text("SELECT name, id FROM users where name=:name"))
                            .params("name", "ed")));
        }

        /** 1.8.4: {@code count()} and the count function. */
        private Flux<String> counting() {
            return Flux.concat(
                    header("Counting"),
                    // 8.21
                    showResult(() -> session.query(User.class)
                            .filter(User_.name.like("%ed"))
                            .count()),
                    // 8.22: H2 does not return groups sorted, so they are ordered by name
                    showAll(() -> session.query(SQL.count(User_.name), User_.name)
                            .groupBy(User_.name)
                            .orderBy(User_.name)),
                    // 8.23: count(*) rather than the tutorial's count('*')
                    showResult(() ->
                            session.query(SQL.count()).selectFrom(User.class).scalar()),
                    // 8.24
                    showResult(() -> session.query(SQL.count(User_.id)).scalar()));
        }

        /** Emits the names of the users a condition selects, ordered by id: {@code LIKE: ['ed', 'fred']}. */
        private Flux<String> names(String operator, Supplier<Expression<Boolean>> condition) {
            return Flux.defer(() -> session.query(User.class)
                    .filter(condition.get())
                    .orderBy(User_.id)
                    .all()
                    .map(User::getName)
                    .collectList()
                    .map(names -> operator + ": " + repr(names)));
        }
    }

    private static Flux<String> header(String section) {
        return Flux.just("-- " + section);
    }

    /** Runs an action that prints nothing, when subscribed. */
    private static Mono<String> act(Runnable action) {
        return Mono.fromRunnable(action);
    }

    /** Runs database work that prints nothing, when subscribed. */
    private static Mono<String> await(Supplier<Mono<Void>> work) {
        return Mono.defer(work).then(Mono.empty());
    }

    /** Shows a value as the Python prompt does, read when subscribed. */
    private static Mono<String> show(Supplier<@Nullable Object> value) {
        return Mono.fromCallable(() -> repr(value.get()));
    }

    /**
     * Shows the value of a query's result, run when subscribed, as the Python prompt does: {@code None} when empty, and the
     * exception's name and message when the query finds no row or several where one is expected.
     */
    private static Mono<String> showResult(Supplier<? extends Publisher<?>> result) {
        return Mono.defer(() -> Mono.from(result.get()))
                .map(Tutorial::repr)
                .defaultIfEmpty(repr(null))
                .onErrorResume(NonUniqueResultException.class, Tutorial::raised)
                .onErrorResume(NoResultException.class, Tutorial::raised);
    }

    /** Shows all the results of a query, built when subscribed, as a list. */
    private static Mono<String> showAll(Supplier<? extends Query<?>> query) {
        return Mono.defer(() -> query.get().all().collectList().map(Tutorial::repr));
    }

    private static Mono<String> raised(Throwable error) {
        return Mono.just(error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    /** Python's {@code str}: {@code None} for null. */
    private static String str(@Nullable Object value) {
        return value == null ? "None" : value.toString();
    }

    /** Python's {@code repr} of the values the tutorial shows: strings quoted, booleans, None, tuples and lists. */
    private static String repr(@Nullable Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof String string) {
            return string.contains("'") && !string.contains("\"") ? "\"" + string + "\"" : "'" + string + "'";
        } else if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        } else if (value instanceof Tuple2<?, ?> tuple) {
            return "(" + repr(tuple.getT1()) + ", " + repr(tuple.getT2()) + ")";
        } else if (value instanceof List<?> list) {
            return list.stream().map(Tutorial::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        return value.toString();
    }
}
