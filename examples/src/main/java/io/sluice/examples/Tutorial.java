package io.sluice.examples;

import io.sluice.core.Engine;
import io.sluice.core.StatementCounter;
import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.DerivedTable;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.Label;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Star;
import io.sluice.core.sql.Table;
import io.sluice.session.Aliased;
import io.sluice.session.LoadOption;
import io.sluice.session.NoResultException;
import io.sluice.session.NonUniqueResultException;
import io.sluice.session.Query;
import io.sluice.session.Row2;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQLAlchemy's ORM tutorial, from "Connecting" to "Building a Many To Many Relationship", on Sluice's ORM layer: a mapped
 * {@link User} with its {@link Address}es and {@link BlogPost}s, a session that autoflushes, tracks changes and rolls back, the
 * tutorial's queries and joins, eager loading and cascades. Each step's result is printed the way the tutorial's Python session
 * shows it ({@code 'ed'}, {@code True}, {@code [(1, 'ed')]}), under a header line per section; loading steps also print how
 * many statements they ran ({@code statements run: 2}). Run it with {@code mvn -q -pl examples -am package -DskipTests
 * exec:java}: the engine's echo prints the SQL of every step before its result.
 *
 * <p>Every section is walked; where the tutorial prints nothing, derived results are printed.
 */
public final class Tutorial {

    private Tutorial() {}

    /**
     * Walks the tutorial on an engine: creates each table when its section declares it, then runs every step in order. The
     * sessions the walk opens are closed (rolling back what the tutorial leaves uncommitted) when it ends, fails or is cancelled.
     *
     * @param engine the engine to run on; its database must hold none of the tutorial's rows yet (the tables are created if
     *     missing)
     * @param counter a counter registered on the engine ({@code Engine.builder(url).listener(counter)}), from which the loading
     *     steps read how many statements they ran; the walk resets it
     * @return the printed lines, in order; nothing happens until subscribed
     */
    public static Flux<String> run(Engine engine, StatementCounter counter) {
        // Declare a Mapping: User and the classes its relationships reach (Address, BlogPost, Keyword), checked once.
        Mapping mapping = Mapping.of(User.class);
        // Creating a Session: the factory is the tutorial's sessionmaker; a session connects on first need.
        SessionFactory sessions = SessionFactory.of(engine, mapping);
        // "Configuring delete/delete-orphan Cascade" remaps User and Address on the same tables: a second mapping.
        SessionFactory remapped = SessionFactory.of(engine, Mapping.of(io.sluice.examples.cascade.User.class));
        return Flux.usingWhen(
                Mono.fromSupplier(() -> new Walk(engine, counter, mapping, sessions, remapped)),
                Walk::steps,
                Walk::close,
                (walk, error) -> walk.close(),
                Walk::close);
    }

    /**
     * Runs the tutorial on an in-memory H2 database with echo on, and prints its results.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        StatementCounter counter = new StatementCounter();
        Engine engine = Engine.builder("r2dbc:h2:mem:///tutorial")
                .echo(true)
                .listener(counter)
                .build();
        try {
            run(engine, counter).doOnNext(System.out::println).blockLast();
        } finally {
            engine.close().block();
        }
    }

    /** One walk through the tutorial: its sessions and the objects its steps share. */
    private static final class Walk {

        private final Engine engine;
        private final StatementCounter counter;
        private final Mapping mapping;
        /** The tutorial's session, up to its {@code session.close()} in 1.13.1. */
        private final Session session;
        /** The session of the remapped User and Address of 1.13.1. */
        private final Session remappedSession;
        /** The session of 1.14, back on the first mapping, whose User has the posts. */
        private final Session blogSession;

        private final User edUser = new User("ed", "Ed Jones", "edsnickname");
        private final User fakeUser = new User("fakeuser", "Invalid", "12345");
        private final User jack = new User("jack", "Jack Bean", "gjffdd");

        /** Opens the walk's sessions, which connect only when a step needs them. */
        Walk(
                Engine engine,
                StatementCounter counter,
                Mapping mapping,
                SessionFactory sessions,
                SessionFactory remapped) {
            this.engine = engine;
            this.counter = counter;
            this.mapping = mapping;
            this.session = sessions.open();
            this.remappedSession = remapped.open();
            this.blogSession = sessions.open();
        }

        /** Closes every session of the walk, rolling back its open transaction; an error of one does not skip the others. */
        Mono<Void> close() {
            return Flux.concatDelayError(session.close(), remappedSession.close(), blogSession.close())
                    .then();
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
                    counting(),
                    buildingARelationship(),
                    workingWithRelatedObjects(),
                    queryingWithJoins(),
                    usingAliases(),
                    usingSubqueries(),
                    usingExists(),
                    commonRelationshipOperators(),
                    eagerLoading(),
                    deleting(),
                    configuringDeleteCascade(),
                    buildingAManyToManyRelationship());
        }

        /** 1.1: the engine is given; it connects lazily, so nothing has connected yet. */
        private Flux<String> connecting() {
            return header("Connecting");
        }

        /** 1.2: {@link User} and the {@link Mapping} built by {@link #run(Engine, StatementCounter)}. */
        private Flux<String> declareAMapping() {
            return header("Declare a Mapping");
        }

        /**
         * 1.3: creates the {@code users} table if it does not exist, as {@code create_all} does. The tables of the classes
         * related to User are created by the sections that declare them.
         */
        private Flux<String> createASchema() {
            return Flux.concat(header("Create a Schema"), createAll("users"));
        }

        /** 1.4: a transient object; its id reads as null until it is inserted. */
        private Flux<String> createAnInstance() {
            return Flux.concat(
                    header("Create an Instance of the Mapped Class"),
                    show(edUser::getName),
                    show(edUser::getNickname),
                    show(() -> str(edUser.getId())));
        }

        /** 1.5: the session was opened with the walk; it holds no connection yet. */
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
                            .map(row -> row.first() + " " + row.second())),
                    // 8.3
                    Flux.defer(() ->
                            session.query(User.class, User_.name).all().map(row -> row.first() + " " + row.second())),
                    // 8.4
                    Flux.defer(() -> session.query(User_.name.as("name_label")).all()),
                    // 8.5
                    Flux.defer(() -> {
                        Aliased<User> userAlias = session.aliased(User.class, "user_alias");
                        return session.query(userAlias, userAlias.get(User_.name))
                                .all()
                                .map(row -> row.first().toString());
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
         * 1.8.1: each operator, as the names it selects ordered by id. MATCH is left out: its SQLAlchemy form is SQLite's.
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
                    names(
                            "tuple IN",
                            () -> SQL.tuple(User_.name, User_.nickname)
                                    .in(List.of("ed", "edsnickname"), List.of("wendy", "windy"))),
                    names("NOT IN", () -> User_.name.notIn("ed", "wendy", "jack")),
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

        /** 1.9: Address and User's addresses; {@code create_all} creates only the new {@code addresses} table. */
        private Flux<String> buildingARelationship() {
            return Flux.concat(header("Building a Relationship"), createAll("users", "addresses"));
        }

        /** 1.10: collections and back references in memory, save-update cascade on add, and reading a collection. */
        private Flux<String> workingWithRelatedObjects() {
            return Flux.concat(
                    header("Working with Related Objects"),
                    // 10.1: a new object's collection is an empty list, usable at once
                    show(jack::getAddresses),
                    // 10.2
                    act(() -> jack.getAddresses()
                            .addAll(List.of(new Address("jack@google.com"), new Address("j25@yahoo.com")))),
                    // 10.3
                    show(() -> jack.getAddresses().get(1)),
                    // 10.4: the back reference was set in memory when the address joined the collection
                    show(() -> jack.getAddresses().get(1).getUser().get()),
                    // 10.5: adding jack adds his addresses (save-update cascade); the commit inserts jack, then
                    // the addresses with his id in user_id
                    act(() -> session.add(jack)),
                    await(session::commit),
                    // not printed by the tutorial: jack's id, 6 on H2, whose identity column does not hand out
                    // again the 5 taken by the rolled-back fakeuser (SQLite gives 5)
                    show(jack::getId),
                    // 10.6
                    showResult(() -> session.query(User.class)
                            .filterBy(User_.name, "jack")
                            .one()),
                    // 10.7: the tutorial lazy-loads the addresses here, its commit having expired jack. A commit
                    // expires nothing in Sluice, so they are still loaded and reading them runs no SQL; flux()
                    // would load them if they were not
                    act(counter::reset),
                    Mono.defer(() -> jack.getAddresses().flux().collectList().map(Tutorial::repr)),
                    statementsRun());
        }

        /** 1.11: an implicit join in WHERE, joins on the foreign key, an explicit ON or a relationship, and an outer join. */
        private Flux<String> queryingWithJoins() {
            Supplier<Expression<Boolean>> jackAtGoogle = () -> Address_.emailAddress.eq("jack@google.com");
            return Flux.concat(
                    header("Querying with Joins"),
                    // 11.1: each row pairs a User and an Address
                    Flux.defer(() -> session.query(User.class, Address.class)
                            .filter(User_.id.eq(Address_.userId))
                            .filter(jackAtGoogle.get())
                            .all()
                            .flatMapIterable(row -> List.of(str(row.first()), str(row.second())))),
                    // 11.2: the ON clause comes from the foreign key
                    showAll(() -> session.query(User.class).join(Address.class).filter(jackAtGoogle.get())),
                    // not printed by the tutorial: the other forms it lists, as the names they select
                    labelled(
                            "explicit ON",
                            () -> session.query(User_.name)
                                    .join(table("addresses"), User_.id.eq(Address_.userId))
                                    .filter(jackAtGoogle.get())),
                    labelled(
                            "along the relationship",
                            () -> session.query(User_.name)
                                    .join(User_.addresses)
                                    .filter(jackAtGoogle.get())),
                    labelled(
                            "from addresses, joined to users",
                            () -> session.query(User_.name, Address_.emailAddress)
                                    .selectFrom(Address.class)
                                    .join(User.class)
                                    .orderBy(Address_.id)),
                    labelled(
                            "outer join",
                            () -> session.query(User_.name, Address_.emailAddress)
                                    .outerJoin(User_.addresses)
                                    .orderBy(User_.id, Address_.id)));
        }

        /** 1.11.1: the addresses table joined twice, under two aliases. */
        private Flux<String> usingAliases() {
            return Flux.concat(header("Using Aliases"), Flux.defer(() -> {
                Aliased<Address> adalias1 = session.aliased(Address.class, "addresses_1");
                Aliased<Address> adalias2 = session.aliased(Address.class, "addresses_2");
                return session.query(
                                User_.name, adalias1.get(Address_.emailAddress), adalias2.get(Address_.emailAddress))
                        .join(adalias1.alias(), User_.id.eq(adalias1.get(Address_.userId)))
                        .join(adalias2.alias(), User_.id.eq(adalias2.get(Address_.userId)))
                        .filter(adalias1.get(Address_.emailAddress).eq("jack@google.com"))
                        .filter(adalias2.get(Address_.emailAddress).eq("j25@yahoo.com"))
                        .all()
                        .map(row -> row.first() + " " + row.second() + " " + row.third());
            }));
        }

        /**
         * 1.11.2: a grouped count as a subquery, outer-joined to the users; None for the users with no address. 1.11.3: an
         * entity selected from a subquery.
         */
        private Flux<String> usingSubqueries() {
            return Flux.concat(
                    header("Using Subqueries"),
                    subqueryCounts(),
                    header("Selecting Entities from Subqueries"),
                    Flux.defer(() -> {
                        DerivedTable stmt = session.query(Address.class)
                                .filter(Address_.emailAddress.ne("j25@yahoo.com"))
                                .subquery("anon_1");
                        var adalias = session.aliased(Address.class, stmt);
                        return session.query(User.class, adalias)
                                .join(adalias, User_.addresses)
                                .all()
                                .flatMapIterable(
                                        row -> List.of(String.valueOf(row.first()), String.valueOf(row.second())));
                    }));
        }

        private Flux<String> subqueryCounts() {
            return Flux.defer(() -> {
                Label<Long> addressCount = SQL.count().as("address_count");
                DerivedTable stmt = session.query(Address_.userId, addressCount)
                        .groupBy(Address_.userId)
                        .subquery("adr_count");
                return session.query(User.class, stmt.column(addressCount))
                        .outerJoin(stmt, User_.id.eq(stmt.column(Address_.userId)))
                        .orderBy(User_.id)
                        .all()
                        .map(row -> row.first() + " " + str(row.second()));
            });
        }

        /** 1.11.4: an explicit EXISTS, then the relationship's any() and has(). */
        private Flux<String> usingExists() {
            return Flux.concat(
                    header("Using EXISTS"),
                    // 11.3
                    Flux.defer(() -> session.query(User_.name)
                            .filter(SQL.exists(SQL.select(Star.INSTANCE)
                                    .from(table("addresses"))
                                    .where(Address_.userId.eq(User_.id))))
                            .all()),
                    // 11.4
                    Flux.defer(() -> session.query(User_.name)
                            .filter(User_.addresses.any())
                            .all()),
                    // 11.5
                    Flux.defer(() -> session.query(User_.name)
                            .filter(User_.addresses.any(Address_.emailAddress.like("%google%")))
                            .all()),
                    // 11.6
                    showAll(() ->
                            session.query(Address.class).filter(SQL.not(Address_.user.has(User_.name.eq("jack"))))));
        }

        /**
         * 1.11.5, not printed by the tutorial: each operator with someuser = jack and someaddress = his first address, as the
         * objects it selects.
         */
        private Flux<String> commonRelationshipOperators() {
            return Flux.concat(
                    header("Common Relationship Operators"),
                    labelled(
                            "many-to-one equals",
                            () -> session.query(Address.class)
                                    .filter(Address_.user.eq(jack))
                                    .orderBy(Address_.id)),
                    labelled(
                            "many-to-one not equals",
                            () -> session.query(Address.class)
                                    .filter(Address_.user.ne(jack))
                                    .orderBy(Address_.id)),
                    labelled(
                            "IS NULL (m2o)",
                            () -> session.query(Address.class)
                                    .filter(Address_.user.isNull())
                                    .orderBy(Address_.id)),
                    labelled(
                            "contains (o2m)",
                            () -> session.query(User.class)
                                    .filter(User_.addresses.contains(
                                            jack.getAddresses().get(0)))
                                    .orderBy(User_.id)),
                    labelled(
                            "any (collection)",
                            () -> session.query(User.class)
                                    .filter(User_.addresses.any(Address_.emailAddress.eq("bar")))
                                    .orderBy(User_.id)),
                    labelled(
                            "has (scalar)",
                            () -> session.query(Address.class)
                                    .filter(Address_.user.has(User_.name.eq("ed")))
                                    .orderBy(Address_.id)),
                    labelled("with_parent", () -> session.query(Address.class).withParent(jack, User_.addresses)));
        }

        /**
         * 1.12: selectin loading in two statements, joined loading in one, and contains_eager from an explicit join in one;
         * after each, the loaded relationship is read with no statement at all.
         */
        private Flux<String> eagerLoading() {
            return Flux.concat(
                    header("Eager Loading"),
                    header("Selectin Load"),
                    // 12.1: the users, then one SELECT of the addresses of all of them (WHERE user_id IN ...), although
                    // jack's were already loaded
                    act(counter::reset),
                    Mono.defer(() -> session.query(User.class)
                                    .options(LoadOption.selectinLoad(User_.addresses))
                                    .filterBy(User_.name, "jack")
                                    .one())
                            .flatMapMany(loaded -> Flux.concat(
                                    show(() -> loaded), statementsRun(), show(loaded::getAddresses), statementsRun())),
                    header("Joined Load"),
                    act(counter::reset),
                    Mono.defer(() -> session.query(User.class)
                                    .options(LoadOption.joinedLoad(User_.addresses))
                                    .filterBy(User_.name, "jack")
                                    .one())
                            .flatMapMany(loaded -> Flux.concat(
                                    show(() -> loaded), statementsRun(), show(loaded::getAddresses), statementsRun())),
                    header("Explicit Join + Eagerload"),
                    act(counter::reset),
                    Mono.defer(() -> session.query(Address.class)
                                    .join(Address_.user)
                                    .filter(User_.name.eq("jack"))
                                    .options(LoadOption.containsEager(Address_.user))
                                    .orderBy(Address_.id)
                                    .all()
                                    .collectList())
                            .flatMapMany(addresses -> Flux.concat(
                                    show(() -> addresses),
                                    statementsRun(),
                                    show(() -> addresses.get(0).getUser().get()),
                                    statementsRun())));
        }

        /** 1.13: deleting jack, with no delete cascade, leaves his addresses with no user. */
        private Flux<String> deleting() {
            return Flux.concat(
                    header("Deleting"),
                    // 13.1
                    act(() -> session.delete(jack)),
                    // 13.2: the autoflush sets the addresses' user_id to NULL, then deletes jack
                    showResult(() -> session.query(User.class)
                            .filterBy(User_.name, "jack")
                            .count()),
                    // 13.3: the addresses are still there
                    showResult(() -> session.query(Address.class)
                            .filter(Address_.emailAddress.in("jack@google.com", "j25@yahoo.com"))
                            .count()));
        }

        /**
         * 1.13.1: the tutorial closes its session, then remaps User with {@code cascade="all, delete, delete-orphan"}; here the
         * remapped classes of {@code io.sluice.examples.cascade} have a session of their own.
         */
        private Flux<String> configuringDeleteCascade() {
            Supplier<Query<io.sluice.examples.cascade.Address>> jacksAddresses = () -> remappedSession
                    .query(io.sluice.examples.cascade.Address.class)
                    .filter(io.sluice.examples.cascade.Address_.emailAddress.in("jack@google.com", "j25@yahoo.com"));
            return Flux.concat(
                    header("Configuring delete/delete-orphan Cascade"),
                    // 13.4: rolls back the delete of jack and the nulling of the addresses' user_id, and detaches
                    // every object
                    await(session::close),
                    // 13.5: jack by primary key (his id, 6 on H2, rather than the tutorial's 5)
                    Mono.defer(() -> remappedSession.get(
                                    io.sluice.examples.cascade.User.class, Objects.requireNonNull(jack.getId())))
                            .flatMapMany(remappedJack -> Flux.concat(
                                    // 13.6: del jack.addresses[1], once the addresses are loaded; the collection has no
                                    // order_by, and Sluice orders it by primary key
                                    await(() -> remappedJack
                                            .getAddresses()
                                            .flux()
                                            .then(Mono.fromRunnable(() ->
                                                    remappedJack.getAddresses().remove(1)))),
                                    // 13.7: the autoflush deletes the orphan
                                    showResult(() -> jacksAddresses.get().count()),
                                    // 13.8: deleting jack deletes his other address first
                                    act(() -> remappedSession.delete(remappedJack)),
                                    showResult(() -> remappedSession
                                            .query(io.sluice.examples.cascade.User.class)
                                            .filterBy(io.sluice.examples.cascade.User_.name, "jack")
                                            .count()),
                                    // 13.9
                                    showResult(() -> jacksAddresses.get().count()))));
        }

        /**
         * 1.14: BlogPost and Keyword, linked through {@code post_keywords}; any() across the association, a reference
         * compared to an object, and wendy's posts as a query.
         */
        private Flux<String> buildingAManyToManyRelationship() {
            Supplier<Expression<Boolean>> firstpost = () -> BlogPost_.keywords.any(Keyword_.keyword.eq("firstpost"));
            return Flux.concat(
                    header("Building a Many To Many Relationship"),
                    // The tutorial goes on in its remapped session, and never commits. BlogPost's author is the
                    // first User, so a session of the first mapping takes over; the remapped one is closed first,
                    // rolling back the deletes of jack, whose locks would hold up the new tables' foreign keys to
                    // users on some databases.
                    await(remappedSession::close),
                    // create_all: keywords and posts, then post_keywords; users and addresses exist
                    await(() -> mapping.metadata().createAll(engine, true)),
                    // 14.1
                    Mono.defer(() -> blogSession
                                    .query(User.class)
                                    .filterBy(User_.name, "wendy")
                                    .one())
                            .flatMapMany(wendy -> {
                                BlogPost post = new BlogPost("Wendy's Blog Post", "This is a test", wendy);
                                return Flux.concat(
                                        // 14.2
                                        act(() -> blogSession.add(post)),
                                        // 14.3
                                        act(() -> {
                                            post.getKeywords().add(new Keyword("wendy"));
                                            post.getKeywords().add(new Keyword("firstpost"));
                                        }),
                                        // 14.4: the autoflush inserts the keywords and the post, then the rows of
                                        // post_keywords
                                        showAll(() -> blogSession
                                                .query(BlogPost.class)
                                                .filter(firstpost.get())),
                                        // 14.5
                                        showAll(() -> blogSession
                                                .query(BlogPost.class)
                                                .filter(BlogPost_.author.eq(wendy))
                                                .filter(firstpost.get())),
                                        // 14.6: wendy's posts as a query, as the tutorial's lazy="dynamic" relationship
                                        showAll(() -> wendy.getPosts().query().filter(firstpost.get())));
                            }));
        }

        /** Creates the named tables of the mapping that do not exist yet, in foreign-key order, as create_all does. */
        private Mono<String> createAll(String... tables) {
            return await(() ->
                    Metadata.of(Stream.of(tables).map(this::table).toList()).createAll(engine, true));
        }

        private Table table(String name) {
            return mapping.metadata().table(name);
        }

        /** Shows how many statements ran since the counter was last reset, and resets it. */
        private Mono<String> statementsRun() {
            return Mono.fromCallable(() -> {
                long count = counter.count();
                counter.reset();
                return "statements run: " + count;
            });
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

    /** Shows all the results of a query as a list after a label: {@code explicit ON: ['jack']}. */
    private static Mono<String> labelled(String label, Supplier<? extends Query<?>> query) {
        return showAll(query).map(list -> label + ": " + list);
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
        } else if (value instanceof Row2<?, ?> tuple) {
            return "(" + repr(tuple.first()) + ", " + repr(tuple.second()) + ")";
        } else if (value instanceof List<?> list) {
            return list.stream().map(Tutorial::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        return value.toString();
    }
}
