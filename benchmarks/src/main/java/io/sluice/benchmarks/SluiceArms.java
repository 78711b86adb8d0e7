package io.sluice.benchmarks;

import static io.sluice.session.LoadOption.joinedLoad;
import static io.sluice.session.LoadOption.selectinLoad;

import io.sluice.benchmarks.model.Child;
import io.sluice.benchmarks.model.Customer;
import io.sluice.benchmarks.model.Item;
import io.sluice.benchmarks.model.Parent;
import io.sluice.benchmarks.model.Parent_;
import io.sluice.session.Row2;
import io.sluice.session.SessionFactory;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The Sluice arm of every scenario: sessions, the unit of work, queries and relationship loading, as an application uses them. */
public final class SluiceArms {

    private final SessionFactory sessions;

    /**
     * Creates the arm over a fixture's session factory.
     *
     * @param fixture the fixture
     */
    public SluiceArms(Fixture fixture) {
        this(fixture, fixture.sessions());
    }

    /**
     * Creates the arm over a session factory configured otherwise (such as {@code withLoadBatchSize}).
     *
     * @param fixture the fixture
     * @param sessions the session factory
     */
    public SluiceArms(Fixture fixture, SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Adds {@code n} new parents with 2 children each to a session and commits: multi-row INSERTs of parents, then of
     * children with the generated keys.
     *
     * @param n the number of parents
     * @return the number of parents
     */
    public Mono<Integer> insert(int n) {
        return sessions.inTransaction(session -> {
                    List<Parent> parents = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        Parent parent = new Parent("new " + i, i);
                        parent.getChildren().add(new Child("first"));
                        parent.getChildren().add(new Child("second"));
                        parents.add(parent);
                    }
                    session.addAll(parents);
                    return Mono.just(n);
                })
                .single();
    }

    /**
     * Loads {@code n} parents, changes the amount of each and commits.
     *
     * @param n the number of parents
     * @return the number of parents changed
     */
    public Mono<Integer> update(int n) {
        return sessions.inTransaction(session -> session.query(Parent.class)
                        .limit(n)
                        .all()
                        .doOnNext(parent -> parent.setAmount(parent.getAmount() + 1))
                        .count()
                        .map(Long::intValue))
                .single();
    }

    /**
     * Queries {@code n} parents as entities (identity map and snapshots, the default).
     *
     * @param n the number of rows
     * @return the parents
     */
    public Flux<Parent> entities(int n) {
        return sessions.inTransaction(
                session -> session.query(Parent.class).limit(n).all());
    }

    /**
     * Queries {@code n} parents as read-only entities ({@code Query.readOnly()}: in the identity map, never dirty-checked).
     *
     * @param n the number of rows
     * @return the parents
     */
    public Flux<Parent> entitiesReadOnly(int n) {
        return sessions.inTransaction(
                session -> session.query(Parent.class).readOnly().limit(n).all());
    }

    /**
     * Queries the name and key of {@code n} parents as typed tuples.
     *
     * @param n the number of rows
     * @return the tuples
     */
    public Flux<Row2<String, Long>> tuples(int n) {
        return sessions.inTransaction(
                session -> session.query(Parent_.name, Parent_.id).limit(n).all());
    }

    /**
     * Gets a parent by key.
     *
     * @param id the key
     * @return the parent
     */
    public Mono<Parent> get(long id) {
        return sessions.inTransaction(session -> session.get(Parent.class, id)).single();
    }

    /**
     * Queries {@code n} parents, then loads each one's children lazily, one after the other (Sluice coalesces these loads into
     * one IN query per batch of owners).
     *
     * @param n the number of parents
     * @return the parents, children loaded
     */
    public Flux<Parent> lazy(int n) {
        return sessions.inTransaction(session -> session.query(Parent.class)
                .limit(n)
                .all()
                .collectList()
                .flatMapMany(parents -> Flux.fromIterable(parents)
                        .concatMap(parent -> parent.getChildren().flux().then(Mono.just(parent)))));
    }

    /**
     * Queries {@code n} parents with their children by selectinLoad (one more SELECT ... WHERE parent_id IN (...)).
     *
     * @param n the number of parents
     * @return the parents, children loaded
     */
    public Flux<Parent> selectin(int n) {
        return sessions.inTransaction(session -> session.query(Parent.class)
                .options(selectinLoad(Parent_.children))
                .limit(n)
                .all());
    }

    /**
     * Queries {@code n} parents with their children by joinedLoad (one SELECT with a LEFT OUTER JOIN).
     *
     * @param n the number of parents
     * @return the parents, children loaded
     */
    public Flux<Parent> joined(int n) {
        return sessions.inTransaction(session -> session.query(Parent.class)
                .options(joinedLoad(Parent_.children))
                .limit(n)
                .all());
    }

    /**
     * Queries {@code n} customers as entities (identity map and snapshots): each row's e-mail through its converter, its
     * address made from three columns, its preferences read from JSON by Jackson.
     *
     * @param n the number of rows
     * @return the customers
     */
    public Flux<Customer> customers(int n) {
        return sessions.inTransaction(
                session -> session.query(Customer.class).limit(n).all());
    }

    /**
     * Queries {@code n} customers as read-only entities ({@code Query.readOnly()}): made and listed as {@link #customers} does,
     * never dirty-checked at commit.
     *
     * @param n the number of rows
     * @return the customers
     */
    public Flux<Customer> customersReadOnly(int n) {
        return sessions.inTransaction(
                session -> session.query(Customer.class).readOnly().limit(n).all());
    }

    /**
     * Adds {@code n} new customers ({@link Customer#numbered}) to a session and commits: multi-row INSERTs with the keys read
     * back, each customer's converted, embedded and JSON values written as their columns.
     *
     * @param n the number of customers
     * @return the number of customers
     */
    public Mono<Integer> insertCustomers(int n) {
        return sessions.inTransaction(session -> {
                    List<Customer> customers = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        customers.add(Customer.numbered(i));
                    }
                    session.addAll(customers);
                    return Mono.just(n);
                })
                .single();
    }

    /**
     * Streams every item as a detached entity with {@code Query.stream()}: fetch size 250 (a cursor on PostgreSQL), H2's lazy
     * execution turned on around the query, nothing kept in the session.
     *
     * @return the items
     */
    public Flux<Item> stream() {
        return sessions.inTransaction(session -> session.query(Item.class).stream());
    }
}
