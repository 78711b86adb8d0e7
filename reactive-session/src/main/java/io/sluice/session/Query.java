package io.sluice.session;

import io.sluice.core.RowMapper;
import io.sluice.core.internal.Assert;
import io.sluice.core.sql.DerivedTable;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.FromItem;
import io.sluice.core.sql.NamedParameters;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Statement;
import io.sluice.core.sql.Text;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A query over mapped classes and columns, built step by step; each step returns a new query. Nothing runs until a result
 * ({@link #all()}, {@link #first()}, {@link #one()}, ...) is subscribed; then the session flushes pending changes (autoflush) and
 * runs the query on its connection. Objects come from the session's identity map: a row whose key the session already holds
 * yields that object, unflushed changes included. A query of one entity class yields each object once. {@link #stream()} is
 * the exception: for results too large to hold, it emits detached objects, one per row.
 *
 * @param <T> the type of the results: an entity, a column's Java type, or a tuple
 */
public final class Query<T> {

    private final DefaultSession session;
    private final List<QueryItem> items;
    private final Function<Object[], T> combiner;
    private final Select select;
    private final Map<String, @Nullable Object> params;
    private final @Nullable Text statement;
    private final List<LoadOption> options;
    private final boolean readOnly;

    /** The combiner of a one-item query: the item itself, which the row mappers then return without an array per row. */
    private static final Function<Object[], @Nullable Object> ONLY_ITEM = values -> values[0];

    /**
     * Returns the combiner of a query of one item.
     *
     * @param <T> the item's type
     * @return a combiner returning the item
     */
    @SuppressWarnings("unchecked")
    static <T> Function<Object[], T> onlyItem() {
        return (Function<Object[], T>) (Function<Object[], ?>) ONLY_ITEM;
    }

    Query(DefaultSession session, List<QueryItem> items, Function<Object[], T> combiner) {
        this(session, items, combiner, initialSelect(items), Map.of(), null, List.of(), session.isDefaultReadOnly());
    }

    private Query(
            DefaultSession session,
            List<QueryItem> items,
            Function<Object[], T> combiner,
            Select select,
            Map<String, @Nullable Object> params,
            @Nullable Text statement,
            List<LoadOption> options,
            boolean readOnly) {
        this.session = session;
        this.items = items;
        this.combiner = combiner;
        this.select = select;
        this.params = params;
        this.statement = statement;
        this.options = options;
        this.readOnly = readOnly;
    }

    private static Select initialSelect(List<QueryItem> items) {
        List<Expression<?>> columns = new ArrayList<>();
        for (QueryItem item : items) {
            columns.addAll(item.columns());
        }
        // FROM is left implicit: the tables and aliases of the selected items, in order, until a join makes it
        // explicit.
        Select select = SQL.select(columns.toArray(new Expression<?>[0]));
        select = joinedFrom(select, items);
        for (QueryItem item : items) {
            if (item instanceof QueryItem.EntityItem entity) {
                Expression<Boolean> subclass = QueryItem.discriminatorFilter(entity.model(), entity.source());
                if (subclass != null) {
                    select = select.where(subclass);
                }
            }
        }
        return select;
    }

    /**
     * Makes the FROM explicit where an item is a class of a joined-table hierarchy: its tables become one join, standing where
     * its root's table would.
     */
    private static Select joinedFrom(Select select, List<QueryItem> items) {
        List<EntityModel<?>> joined = new ArrayList<>();
        for (QueryItem item : items) {
            if (item instanceof QueryItem.EntityItem entity
                    && entity.model().isJoined()
                    && entity.source() instanceof io.sluice.core.sql.Table) {
                joined.add(entity.model());
            }
        }
        if (joined.isEmpty()) {
            return select;
        }
        List<FromItem> from = new ArrayList<>();
        for (FromItem item : select.fromItems()) {
            @Nullable FromItem replaced = item;
            for (EntityModel<?> model : joined) {
                for (io.sluice.session.mapping.TablePart part : model.tableParts()) {
                    if (part.table() == item) {
                        replaced = part.root() ? model.from() : null;
                    }
                }
            }
            if (replaced != null && !from.contains(replaced)) {
                from.add(replaced);
            }
        }
        return select.from(from.toArray(new FromItem[0]));
    }

    private Query<T> with(Select next) {
        return new Query<>(session, items, combiner, next, params, statement, options, readOnly);
    }

    /**
     * Returns this query with a condition, joined by {@code AND} to those given before.
     *
     * @param condition a condition over attributes and columns, or a {@link Text} fragment
     * @return the new query
     */
    public Query<T> filter(Expression<Boolean> condition) {
        return with(select.where(Assert.requireNonNull(condition, "condition must not be null")));
    }

    /**
     * Returns this query with a text fragment as a condition ({@code filter(text("id<224"))}).
     *
     * @param condition the fragment; its {@code :parameters} take their values from {@link #params(String, Object)}
     * @return the new query
     */
    @SuppressWarnings("unchecked")
    public Query<T> filter(Text condition) {
        Assert.requireNonNull(condition, "condition must not be null");
        return with(select.where((Expression<Boolean>) (Expression<?>) condition));
    }

    /**
     * Returns this query with the condition {@code attribute = value} (SQLAlchemy's {@code filter_by}).
     *
     * @param attribute an attribute of the queried class
     * @param value the value
     * @param <V> the attribute's type
     * @return the new query
     */
    public <V> Query<T> filterBy(Attribute<?, V> attribute, @Nullable V value) {
        return filter(
                Assert.requireNonNull(attribute, "attribute must not be null").eq(value));
    }

    /**
     * Returns this query with a value for a named parameter of its text fragments or statement.
     *
     * @param name the parameter's name, without the colon
     * @param value the value, sent as a bind parameter
     * @return the new query
     */
    public Query<T> params(String name, @Nullable Object value) {
        Assert.requireNonNull(name, "name must not be null");
        Map<String, @Nullable Object> more = new LinkedHashMap<>(params);
        more.put(name, value);
        return new Query<>(session, items, combiner, select, more, statement, options, readOnly);
    }

    /**
     * Returns this query ordered by more keys ({@code User_.name.desc()} for descending).
     *
     * @param keys attributes, expressions, orderings or text fragments
     * @return the new query
     */
    public Query<T> orderBy(Expression<?>... keys) {
        return with(select.orderBy(keys));
    }

    /**
     * Returns this query limited to {@code limit} rows.
     *
     * @param limit the maximum number of rows
     * @return the new query
     */
    public Query<T> limit(long limit) {
        return with(select.limit(limit));
    }

    /**
     * Returns this query skipping {@code offset} rows.
     *
     * @param offset the rows to skip
     * @return the new query
     */
    public Query<T> offset(long offset) {
        return with(select.offset(offset));
    }

    /**
     * Returns the rows from {@code start} (inclusive) to {@code stop} (exclusive): {@code LIMIT stop-start OFFSET start}.
     *
     * @param start the first row, from 0
     * @param stop the row after the last
     * @return the new query
     */
    public Query<T> slice(long start, long stop) {
        Assert.isTrue(0 <= start && start <= stop, "slice needs 0 <= start <= stop");
        return with(select.limit(stop - start).offset(start));
    }

    /**
     * Returns this query locking the rows it reads until the session's transaction ends ({@code FOR UPDATE}): other
     * transactions that lock or change them wait. The rows' objects are the session's as usual, so changes made to them are
     * flushed under the lock.
     *
     * @return the new query
     */
    public Query<T> forUpdate() {
        return with(select.forUpdate());
    }

    /**
     * Returns this query taking shared locks on the rows it reads ({@code FOR SHARE} on PostgreSQL, {@code LOCK IN SHARE
     * MODE} on MariaDB): others can read and share-lock them but not change them until the transaction ends. H2 has no shared
     * row locks: the query fails with {@link UnsupportedOperationException} before it is sent.
     *
     * @return the new query
     */
    public Query<T> forShare() {
        return with(select.forShare());
    }

    /**
     * Returns this locking query failing at once, with the database's lock error, if a row is locked by another transaction
     * ({@code NOWAIT}).
     *
     * @return the new query
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Query<T> nowait() {
        return with(select.nowait());
    }

    /**
     * Returns this locking query leaving out rows locked by other transactions ({@code SKIP LOCKED}): workers that claim
     * jobs from one table with {@code forUpdate().skipLocked().limit(n)} each get different rows, without waiting.
     *
     * @return the new query
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Query<T> skipLocked() {
        return with(select.skipLocked());
    }

    /**
     * Returns this locking query locking only the rows of some classes' tables ({@code FOR UPDATE OF}; PostgreSQL and H2,
     * refused by MariaDB, which locks every table of the query).
     *
     * @param types mapped classes of the query
     * @return the new query
     * @throws IllegalStateException if neither {@link #forUpdate()} nor {@link #forShare()} was called
     */
    public Query<T> lockOf(Class<?>... types) {
        List<io.sluice.core.sql.Table> tables = new ArrayList<>();
        for (Class<?> type : types) {
            tables.add(session.model(Assert.requireNonNull(type, "types must not be null"))
                    .table());
        }
        return with(select.of(tables.toArray(new io.sluice.core.sql.Table[0])));
    }

    /**
     * Returns this query with {@code SELECT DISTINCT}.
     *
     * @return the new query
     */
    public Query<T> distinct() {
        return with(select.distinct());
    }

    /**
     * Returns this query with GROUP BY expressions.
     *
     * @param expressions the grouping expressions
     * @return the new query
     */
    public Query<T> groupBy(Expression<?>... expressions) {
        return with(select.groupBy(expressions));
    }

    /**
     * Returns this query with a HAVING condition.
     *
     * @param condition the condition
     * @return the new query
     */
    public Query<T> having(Expression<Boolean> condition) {
        return with(select.having(condition));
    }

    /**
     * Returns this query reading from a mapped class's table (for queries of functions such as {@code count(*)}).
     *
     * @param type the mapped class
     * @return the new query
     */
    public Query<T> selectFrom(Class<?> type) {
        return with(select.from(session.model(type).table()));
    }

    /**
     * Returns this query joined to a mapped class's table, the condition taken from the foreign key between them.
     *
     * @param type the mapped class
     * @return the new query
     */
    public Query<T> join(Class<?> type) {
        return with(start().join(session.model(type).table()));
    }

    /**
     * Returns this query joined to a mapped class's table on a condition.
     *
     * @param type the mapped class
     * @param on the condition
     * @return the new query
     */
    public Query<T> join(Class<?> type, Expression<Boolean> on) {
        return with(start().join(session.model(type).table(), on));
    }

    /**
     * Returns this query joined to a table, alias or subquery on a condition.
     *
     * @param target the joined item
     * @param on the condition
     * @return the new query
     */
    public Query<T> join(FromItem target, Expression<Boolean> on) {
        return with(start().join(target, on));
    }

    /**
     * Returns this query left-outer-joined to a table, alias or subquery on a condition.
     *
     * @param target the joined item
     * @param on the condition
     * @return the new query
     */
    public Query<T> outerJoin(FromItem target, Expression<Boolean> on) {
        return with(start().leftJoin(target, on));
    }

    /**
     * Returns this query joined along a relationship to the related class's table ({@code join(User_.addresses)}).
     *
     * @param relationship a relationship whose owner is already in the query
     * @return the new query
     */
    public Query<T> join(io.sluice.session.mapping.Relationship<?, ?> relationship) {
        return joinAlong(relationship, false);
    }

    /**
     * Returns this query joined to an aliased class (an alias or a subquery) along a relationship of the query's class:
     * {@code session.query(User.class, adalias).join(adalias, User_.addresses)}.
     *
     * @param target the aliased related class
     * @param relationship a relationship between the two (a many-to-many joins its association table first)
     * @return the new query
     */
    public Query<T> join(Aliased<?> target, io.sluice.session.mapping.Relationship<?, ?> relationship) {
        Assert.requireNonNull(target, "target must not be null");
        Assert.requireNonNull(relationship, "relationship must not be null");
        Assert.isTrue(
                relationship.target() == target.model().type(),
                relationship + " does not lead to " + target.model().type());
        return with(
                relationship.join(start(), session.model(relationship.owner()).table(), target.source(), false));
    }

    /**
     * Returns this query left-outer-joined along a relationship.
     *
     * @param relationship a relationship whose owner is already in the query
     * @return the new query
     */
    public Query<T> outerJoin(io.sluice.session.mapping.Relationship<?, ?> relationship) {
        return joinAlong(relationship, true);
    }

    private Query<T> joinAlong(io.sluice.session.mapping.Relationship<?, ?> relationship, boolean outer) {
        Assert.requireNonNull(relationship, "relationship must not be null");
        return with(relationship.join(start(), outer));
    }

    /**
     * Returns this query with loading options for relationships of the objects it returns, such as {@link
     * LoadOption#selectinLoad}. With an option, the objects are emitted once the relationship is loaded for all of them.
     *
     * @param more the options
     * @return the new query
     */
    public Query<T> options(LoadOption... more) {
        List<LoadOption> all = new ArrayList<>(options);
        for (LoadOption option : more) {
            all.add(Assert.requireNonNull(option, "options must not be null"));
        }
        return new Query<>(session, items, combiner, select, params, statement, all, readOnly);
    }

    /**
     * Returns this query loading its objects read-only, as Hibernate's {@code setReadOnly(true)}: the session lists them in its
     * identity map as usual (one object per row key, relationships loadable), but never compares their columns with their
     * snapshots, so flushes and the commit skip them and write none of their column changes. Reads of many objects that will
     * not be changed save the work of that comparison in every autoflush and at the commit.
     *
     * <ul>
     *   <li>objects the query's load options load ({@code selectinLoad}, {@code joinedLoad}) are read-only too; objects loaded
     *       later, lazily or by other queries, are not (unless the session's default is read-only, {@link
     *       Session#setDefaultReadOnly})
     *   <li>an object the session already holds stays as it is: a modifiable one keeps its unflushed changes and is still
     *       flushed; a read-only one stays read-only when a later query without this option returns it
     *   <li>a read-only object can be deleted, and its relationships' changes still cascade and link (adding a new child to its
     *       collection inserts the child); its own columns, foreign keys included, are not written
     *   <li>{@link Session#setReadOnly(Object, boolean)} changes the setting of one object; {@link Session#isReadOnly} tells it
     *   <li>{@link #stream()} is not affected: its objects are detached, outside the session
     * </ul>
     *
     * @return the new query
     */
    public Query<T> readOnly() {
        return readOnly(true);
    }

    /**
     * Returns this query loading its objects read-only or not: {@code readOnly(false)} loads modifiable objects in a session
     * whose default is read-only ({@link Session#setDefaultReadOnly}).
     *
     * @param setting {@code true} for read-only objects
     * @return the new query
     */
    public Query<T> readOnly(boolean setting) {
        return setting == readOnly
                ? this
                : new Query<>(session, items, combiner, select, params, statement, options, setting);
    }

    /**
     * Returns this query restricted to the objects a relationship of a parent holds (SQLAlchemy's {@code with_parent}): {@code
     * session.query(Address.class).withParent(jack, User_.addresses)}, {@code session.query(User.class).withParent(address,
     * Address_.user)}, {@code session.query(Keyword.class).withParent(post, BlogPost_.keywords)}. The condition is built from
     * the parent's key (or, for a reference, its foreign key) as it is now; see {@link
     * io.sluice.session.mapping.Relationship#withParent(Object)}.
     *
     * @param parent an object of the relationship's owning class; with a key, for a collection
     * @param relationship a relationship of any kind
     * @return the new query
     * @throws IllegalArgumentException if the parent is not of the owning class, or a collection's parent has no key yet
     */
    public Query<T> withParent(Object parent, io.sluice.session.mapping.Relationship<?, ?> relationship) {
        Assert.requireNonNull(parent, "parent must not be null");
        Assert.requireNonNull(relationship, "relationship must not be null");
        return filter(relationship.withParent(parent));
    }

    private Select start() {
        return select.from().isEmpty() ? select.from(select.fromItems().get(0)) : select;
    }

    /**
     * Returns this query reading its rows from a text statement instead: entity columns are matched by name, other items by
     * name or else by position ({@code fromStatement(text("SELECT * FROM users WHERE name=:name")).params("name", "ed")}).
     *
     * @param text the statement
     * @return the new query
     */
    public Query<T> fromStatement(Text text) {
        return new Query<>(
                session,
                items,
                combiner,
                select,
                params,
                Assert.requireNonNull(text, "text must not be null"),
                options,
                readOnly);
    }

    /**
     * Returns the query's select statement, with its text parameters bound, for use as a subquery.
     *
     * @return the select
     */
    public Select toSelect() {
        return bindParams(select);
    }

    /**
     * Returns this query as a table under an alias, for another query's FROM or JOIN.
     *
     * @param alias the alias
     * @return the derived table
     */
    public DerivedTable subquery(String alias) {
        return toSelect().subquery(alias);
    }

    /**
     * Emits the results. The query reads its whole result as fast as the database sends it, whatever the subscriber's demand
     * (keeping what it has not asked for yet), and then lets other work run on the session: lazy loads started for each result ({@code
     * all().flatMap(user -> user.getAddresses().flux())}, also with {@code concatMap} or a concurrency) wait for the query and
     * then run as one {@code IN} query per relationship for up to the load batch size of objects. For results too large to
     * hold, use {@link #stream()}, which reads only as the subscriber asks.
     *
     * @return the results; the query runs when subscribed
     */
    public Flux<T> all() {
        return all(true);
    }

    /**
     * Emits the results, flushing first only if {@code flushFirst} (loads that follow a query skip it). The rows are read as
     * fast as the database sends them, whatever the subscriber's demand, those it has not asked for yet kept in order ({@link
     * FluxReadAhead}): the query then gives up the session's turn as soon as its result is read, so that work the subscriber
     * starts on the session for each result (a lazy load in {@code flatMap} or {@code concatMap}) runs after it instead of
     * waiting for itself.
     */
    Flux<T> all(boolean flushFirst) {
        Flux<T> results = session.run(flushFirst, connection -> {
                    Statement statement = statement();
                    RowMapper<T> mapper = rows(true);
                    return connection.query(statement, mapper);
                })
                .as(FluxReadAhead::new);
        if (items.size() == 1 && items.get(0) instanceof QueryItem.EntityItem entity && mayRepeat(entity.model())) {
            results = results.distinct(Function.identity(), () -> Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        if (options.isEmpty()) {
            return results;
        }
        List<LoadOption> inRow = new ArrayList<>();
        List<LoadOption> after = new ArrayList<>();
        for (LoadOption option : options) {
            (option.strategy() == LoadOption.Strategy.SELECTIN ? after : inRow).add(option);
        }
        if (!inRow.isEmpty()) {
            return JoinedLoading.run(session, items, toSelect(), inRow, this.statement == null, readOnly)
                    .flatMapMany(
                            list -> Eager.apply(session, list, after, readOnly).thenMany(Flux.fromIterable(list)))
                    .map(combiner::apply);
        }
        return results.collectList().flatMapMany(list -> {
            List<Object> owners = new ArrayList<>();
            for (T result : list) {
                Object owner = result instanceof Row2<?, ?> tuple ? tuple.first() : result;
                owners.add(owner);
            }
            return Eager.apply(
                            session,
                            owners.stream().map(owner -> new Object[] {owner}).toList(),
                            options,
                            readOnly)
                    .thenMany(Flux.fromIterable(list));
        });
    }

    /**
     * Returns whether rows may repeat an object of a one-entity query, which then emits each object once: rows from a text
     * statement or from anything but the entity's own table (a join, a subquery) may. Rows from the table alone do not, each
     * having its own key.
     */
    private boolean mayRepeat(EntityModel<?> model) {
        if (statement != null) {
            return true;
        }
        List<io.sluice.core.sql.FromItem> from = select.fromItems();
        return from.size() != 1 || from.get(0) != model.table();
    }

    /**
     * Emits the first result ({@code LIMIT 1}).
     *
     * @return the first result, or empty if there is none
     */
    public Mono<T> first() {
        return (statement == null ? limit(1) : this).all().next();
    }

    /**
     * Emits the only result.
     *
     * @return the result; errors with {@link NoResultException} if there is none and with {@link NonUniqueResultException} if
     *     there are several
     */
    public Mono<T> one() {
        return single().switchIfEmpty(
                        Mono.error(() -> new NoResultException("no row was found for one(), " + describe())));
    }

    /**
     * Emits the only result, if any.
     *
     * @return the result, or empty; errors with {@link NonUniqueResultException} if there are several
     */
    public Mono<T> oneOrNone() {
        return single();
    }

    /**
     * Emits the value of a one-item query's only row (the first column of the only row).
     *
     * @return the value, or empty; errors with {@link NonUniqueResultException} if there are several rows
     */
    public Mono<T> scalar() {
        return single();
    }

    private Mono<T> single() {
        return all().collectList().flatMap(results -> {
            if (results.size() > 1) {
                return Mono.error(new NonUniqueResultException("multiple rows (" + results.size()
                        + ") were found where at most one was expected, " + describe()));
            }
            return results.isEmpty() ? Mono.empty() : Mono.just(results.get(0));
        });
    }

    /**
     * Emits the number of rows the query returns: {@code SELECT count(*) FROM (query) AS anon_1}.
     *
     * @return the count
     */
    public Mono<Long> count() {
        Select counting = SQL.select(SQL.count()).from(toSelect().subquery("anon_1"));
        return session.run(connection ->
                        connection.query(counting, row -> java.util.Objects.requireNonNull(row.get(0, SqlType.BIGINT))))
                .next();
    }

    private Statement statement() {
        Text text = statement;
        if (text == null) {
            return toSelect();
        }
        return NamedParameters.bind(text, params);
    }

    private String describe() {
        Text text = statement;
        if (text != null) {
            return text.sql();
        }
        List<String> names = new ArrayList<>();
        for (QueryItem item : items) {
            names.add(
                    item instanceof QueryItem.EntityItem entity
                            ? entity.model().type().getSimpleName()
                            : String.valueOf(((QueryItem.ExpressionItem) item).expression()));
        }
        return "query of " + String.join(", ", names);
    }

    /** Maps this query's rows: by position for a select it built, by column name for a text statement. */
    @SuppressWarnings("unchecked")
    private RowMapper<T> rows(boolean tracked) {
        boolean single = items.size() == 1 && combiner == (Function<Object[], ?>) ONLY_ITEM;
        QueryRows<T> rows = new QueryRows<>(session, items, combiner, single, readOnly);
        return statement == null ? rows.positional(tracked) : rows.byName(tracked);
    }

    private Select bindParams(Select original) {
        return NamedParameters.bind(original, params);
    }

    /** The fetch size of {@link #stream()}: rows per round trip where the driver reads through a cursor. */
    static final int DEFAULT_FETCH_SIZE = 250;

    /**
     * Emits the results one by one as the subscriber asks for them, without collecting them and without keeping them in the
     * session: {@link #stream(int)} with a fetch size of 250 rows.
     *
     * @return the results; the query runs when subscribed
     */
    public Flux<T> stream() {
        return stream(DEFAULT_FETCH_SIZE);
    }

    /**
     * Emits the results one by one as the subscriber asks for them, for results too large to hold in memory. Demand flows from
     * the subscriber to the driver: a subscriber that requests 10 rows causes about 10 rows of work (at most one fetch of
     * {@code fetchSize} rows on PostgreSQL), not a read of the whole table. Sluice sets what each driver needs: a cursor
     * through {@code fetchSize} on PostgreSQL, {@code LAZY_QUERY_EXECUTION} on H2 (which still materializes an {@code ORDER
     * BY} without a usable index, {@code DISTINCT}, {@code GROUP BY} and {@code OFFSET}); MariaDB reads as demanded without a
     * cursor (see {@link io.sluice.core.dialect.ResultStreaming}).
     *
     * <p>Objects are <em>detached</em>: each row makes a new object, which the identity map neither returns nor keeps, so
     * memory does not grow with the rows read. Changes to them are not tracked, and their relationships are not loaded (their
     * {@code flux()} signals {@link DetachedInstanceException}); {@link #options} cannot be used with a stream. A row that a
     * join repeats gives a new object each time.
     *
     * <p>The stream holds the session's turn: it runs on the session's connection and transaction, after pending changes are
     * flushed, and work subscribed on the session while it runs waits until it ends. Consume the stream before using the
     * session for anything else in the same flow, or the flow waits for itself.
     *
     * <ul>
     *   <li>completes after the last row; the turn passes on, the transaction stays open until the session commits, rolls back
     *       or closes (as with {@link SessionFactory#inTransaction}, which does that when the stream ends)
     *   <li>errors with the database's error (carrying the SQL), or with {@link SessionException} if the query has loading
     *       options; the turn passes on
     *   <li>on cancel, the driver stops reading: PostgreSQL closes the cursor and H2 stops computing rows, while MariaDB reads
     *       and drops the rest of the result; the turn passes on
     * </ul>
     *
     * @param fetchSize how many rows the driver fetches per round trip where it reads through a cursor, at least 1
     * @return the results; the query runs when subscribed
     * @throws IllegalArgumentException if {@code fetchSize} is less than 1
     */
    public Flux<T> stream(int fetchSize) {
        Assert.isTrue(fetchSize > 0, "fetchSize must be at least 1");
        return Flux.defer(() -> {
            if (!options.isEmpty()) {
                return Flux.error(new SessionException(
                        "stream() does not load relationships: its objects are detached; remove options(...), or load the"
                                + " relationships with all(), or query the related class separately",
                        null));
            }
            return session.run(connection -> {
                RowMapper<T> mapper = rows(false);
                return connection.stream(statement(), mapper, fetchSize);
            });
        });
    }
}
