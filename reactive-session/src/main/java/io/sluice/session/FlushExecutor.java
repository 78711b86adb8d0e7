package io.sluice.session;

import io.sluice.core.SqlConnection;
import io.sluice.core.dialect.Capability;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.Conjunction;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.Insert;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.Update;
import io.sluice.core.sql.UpdateRows;
import io.sluice.session.internal.EntityState;
import io.sluice.session.internal.FlushAction;
import io.sluice.session.internal.FlushPlan;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.TablePart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a {@link FlushPlan} to the database, one step after the other on one connection, and records what each step did so the
 * flush can be finalized or undone.
 */
final class FlushExecutor {

    /** At most this many bind values per statement (PostgreSQL's limit is 65,535). */
    private static final int MAX_BINDS = 30_000;

    private final SqlConnection connection;
    private final FlushResult result;
    /** At most this many rows per multi-row insert, update or delete (the factory's flush batch size). */
    private final int maxRows;

    private final FlushDependencies dependencies;
    private final FlushKeys keys;
    /** The objects whose UPDATE gave back the columns the database set ({@code RETURNING}): no SELECT for them. */
    private final Map<EntityState<?>, Boolean> readBackOnUpdate = new java.util.IdentityHashMap<>();

    FlushExecutor(
            SqlConnection connection, FlushResult result, int maxRows, FlushDependencies dependencies, FlushKeys keys) {
        this.connection = connection;
        this.result = result;
        this.maxRows = maxRows;
        this.dependencies = dependencies;
        this.keys = keys;
    }

    /** Sends a flush's steps one after the other; a table's saves are organized when its turn comes. */
    Mono<Void> execute(FlushSchedule schedule) {
        return Flux.fromIterable(schedule.steps())
                .concatMap(step -> Mono.defer(() -> execute(step)))
                .then();
    }

    private Mono<Void> execute(FlushSchedule.Step step) {
        if (step instanceof FlushSchedule.Saves saves) {
            if (FlushKeys.needed(saves.pending())) {
                // sequence and UUID keys are set before the INSERTs, which then need not read keys back; set before the
                // foreign keys are copied, they also reach objects of the same table that refer to these
                return keys.assign(saves.pending(), connection, result).then(Mono.defer(() -> {
                    FlushDependencies.copyForeignKeys(saves.references());
                    return emit(FlushPlan.organizeSaves(saves.keyed(), saves.pending(), saves.table()));
                }));
            }
            FlushDependencies.copyForeignKeys(saves.references());
            return emit(FlushPlan.organizeSaves(saves.keyed(), saves.pending(), saves.table()));
        }
        if (step instanceof FlushSchedule.Links links) {
            return emitStatements(dependencies.associationRows(links.owners()));
        }
        if (step instanceof FlushSchedule.Bulk bulk) {
            return emitStatements(bulk.statements());
        }
        FlushSchedule.Deletes deletes = (FlushSchedule.Deletes) step;
        return emit(FlushPlan.organizeDeletes(deletes.states(), deletes.order()));
    }

    /**
     * Sends a plan: each run of consecutive updates as one batch (updates of the same shape share one driver statement),
     * inserts and deletes one action after the other.
     */
    Mono<Void> emit(FlushPlan plan) {
        List<Supplier<Mono<Void>>> steps = new ArrayList<>();
        List<FlushAction.UpdateRow> updates = null;
        for (FlushAction action : plan.actions()) {
            if (action instanceof FlushAction.UpdateRow update) {
                if (updates == null) {
                    List<FlushAction.UpdateRow> run = new ArrayList<>();
                    steps.add(() -> updates(run));
                    updates = run;
                }
                updates.add(update);
            } else {
                updates = null;
                steps.add(() -> emit(action));
            }
        }
        return Flux.fromIterable(steps).concatMap(Supplier::get).then();
    }

    Mono<Void> emitStatements(List<io.sluice.core.sql.Statement> statements) {
        return Flux.fromIterable(statements).concatMap(connection::execute).then();
    }

    private Mono<Void> emit(FlushAction action) {
        // Updates never come here: emit(FlushPlan) sends them in runs.
        if (action instanceof FlushAction.InsertBatch insert) {
            return insert(insert);
        }
        return delete((FlushAction.DeleteRows) action);
    }

    @SuppressWarnings("unchecked")
    private Mono<Void> insert(FlushAction.InsertBatch batch) {
        List<Attribute<?, ?>> columns = batch.columns();
        int rowsPerStatement = connection.dialect().supports(Capability.MULTI_ROW_INSERT)
                ? Math.max(1, Math.min(maxRows, MAX_BINDS / Math.max(1, columns.size())))
                : 1;
        List<List<EntityState<?>>> chunks = new ArrayList<>();
        List<EntityState<?>> states = batch.states();
        for (int from = 0; from < states.size(); from += rowsPerStatement) {
            chunks.add(states.subList(from, Math.min(states.size(), from + rowsPerStatement)));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> {
                    List<List<?>> rows = new ArrayList<>(chunk.size());
                    for (int s = 0; s < chunk.size(); s++) {
                        EntityState<?> state = chunk.get(s);
                        Attribute<?, ?> version = state.model().version();
                        if (version != null && FlushPlan.value(version, state) == null) {
                            setVersion(state, (Attribute<Object, Object>) version, 1);
                        }
                        Object[] row = new Object[columns.size()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = FlushPlan.value(columns.get(c), state);
                        }
                        rows.add(Arrays.asList(row));
                    }
                    TablePart part = batch.part();
                    Insert insert = SQL.insertInto(
                                    part != null ? part.table() : batch.model().table())
                            .columns(batch.targets().toArray(new Column<?>[0]))
                            .rows(rows);
                    // a joined hierarchy's object is inserted once its root's row is in; its other rows follow
                    boolean primary = part == null || part.root();
                    Attribute<?, ?> generated = batch.generated();
                    List<? extends Attribute<?, ?>> fetched = part == null
                            ? batch.model().generatedOnInsert()
                            : batch.model().generatedOnInsert().stream()
                                    .filter(column -> column.source() == part.table())
                                    .toList();
                    if (generated == null && fetched.isEmpty()) {
                        return connection
                                .execute(insert)
                                .doOnSuccess(count -> {
                                    if (primary) {
                                        chunk.forEach(result::inserted);
                                    }
                                })
                                .then();
                    }
                    // the generated key first, then the columns the database set: RETURNING, or the driver's generated
                    // values
                    Attribute<Object, Object> key = (Attribute<Object, Object>) generated;
                    int first = key == null ? 0 : 1;
                    Column<?>[] returning = new Column<?>[first + fetched.size()];
                    if (key != null) {
                        returning[0] = key;
                    }
                    for (int c = 0; c < fetched.size(); c++) {
                        returning[first + c] = fetched.get(c);
                    }
                    return connection
                            .query(insert.returning(returning), row -> {
                                @Nullable Object[] values = new Object[returning.length];
                                if (key != null) {
                                    values[0] = row.get(0, key.type());
                                    if (values[0] == null) {
                                        throw new IllegalStateException(
                                                "the database returned no generated " + key + " value");
                                    }
                                }
                                for (int c = 0; c < fetched.size(); c++) {
                                    values[first + c] =
                                            row.get(first + c, fetched.get(c).stateType());
                                }
                                return values;
                            })
                            .collectList()
                            .doOnNext(returned -> {
                                if (returned.size() != chunk.size()) {
                                    throw new IllegalStateException("inserted " + chunk.size() + " rows into "
                                            + batch.model().table().name() + " but the driver returned "
                                            + returned.size()
                                            + " rows of generated values");
                                }
                                for (int i = 0; i < chunk.size(); i++) {
                                    EntityState<?> state = chunk.get(i);
                                    @Nullable Object[] values = returned.get(i);
                                    if (key != null) {
                                        key.set(state.entity(), values[0]);
                                        result.generated(state, key);
                                    }
                                    for (int c = 0; c < fetched.size(); c++) {
                                        readBack(state, fetched.get(c), values[first + c]);
                                    }
                                    if (primary) {
                                        result.inserted(state);
                                    }
                                }
                            })
                            .then();
                })
                .then();
    }

    /**
     * Sends a run of updates. Where the database can update many rows with their own values in one statement, the objects of
     * one class that changed the same columns go in one {@link UpdateRows} per flush batch size (one round trip instead of
     * one per row); the rest, and all on other databases, are sent as UPDATEs of the same SQL batched into one driver
     * statement.
     */
    private Mono<Void> updates(List<FlushAction.UpdateRow> actions) {
        Mono<Void> updated = sendUpdates(actions);
        for (FlushAction.UpdateRow action : actions) {
            if (!action.state().model().generatedOnUpdate().isEmpty()) {
                return updated.then(Mono.defer(() -> readBackUpdated(actions)));
            }
        }
        return updated;
    }

    /** Sets a column the database set into an object, keeping the value it replaces for an undo. */
    private void readBack(EntityState<?> state, Attribute<?, ?> attribute, @Nullable Object value) {
        result.readBack(state, attribute, attribute.state(state.entity()));
        attribute.setState(state.entity(), value);
    }

    /**
     * Reads back the columns the database set on UPDATE, after the UPDATEs: one {@code SELECT key, columns ... WHERE key IN
     * (...)} per class and flush batch size, the rows matched to the objects by key: for databases without {@code UPDATE ...
     * RETURNING} (MariaDB, H2), and for runs of single UPDATEs sent as one driver batch.
     */
    @SuppressWarnings("unchecked")
    private Mono<Void> readBackUpdated(List<FlushAction.UpdateRow> actions) {
        Map<EntityModel<?>, List<EntityState<?>>> byModel = new LinkedHashMap<>();
        for (FlushAction.UpdateRow action : actions) {
            EntityModel<?> model = action.state().model();
            if (!model.generatedOnUpdate().isEmpty() && !readBackOnUpdate.containsKey(action.state())) {
                byModel.computeIfAbsent(model, m -> new ArrayList<>()).add(action.state());
            }
        }
        List<Supplier<Mono<Void>>> steps = new ArrayList<>();
        for (Map.Entry<EntityModel<?>, List<EntityState<?>>> entry : byModel.entrySet()) {
            EntityModel<Object> model = (EntityModel<Object>) entry.getKey();
            List<EntityState<?>> states = entry.getValue();
            for (int from = 0; from < states.size(); from += maxRows) {
                List<EntityState<?>> chunk = states.subList(from, Math.min(states.size(), from + maxRows));
                steps.add(() -> readBack(model, chunk));
            }
        }
        return Flux.fromIterable(steps)
                .concatMap(Supplier::get)
                .then(Mono.fromRunnable(() -> actions.forEach(action -> readBackOnUpdate.remove(action.state()))));
    }

    @SuppressWarnings("unchecked")
    private Mono<Void> readBack(EntityModel<Object> model, List<EntityState<?>> chunk) {
        List<Attribute<Object, ?>> ids = model.ids();
        List<Object> keys = new ArrayList<>(chunk.size());
        for (EntityState<?> state : chunk) {
            Object key = java.util.Objects.requireNonNull(model.identity(state.entity()));
            keys.add(key);
        }
        Expression<Boolean> where;
        if (ids.size() == 1) {
            Attribute<Object, Object> id = (Attribute<Object, Object>) ids.get(0);
            where = keys.size() == 1 ? id.eq(keys.get(0)) : id.in(keys);
        } else {
            List<List<?>> tuples = new ArrayList<>(keys.size());
            for (Object key : keys) {
                tuples.add((List<?>) key);
            }
            where = SQL.tuple(ids.toArray(new Expression<?>[0])).in(tuples);
        }
        Select select = SQL.select(readBackColumns(model)).from(model.table()).where(where);
        return readBackRows(model, chunk, select)
                .map(count -> {
                    if (count != chunk.size()) {
                        throw new IllegalStateException("updated " + chunk.size() + " rows of "
                                + model.table().name() + " but could read back the values the database set for only "
                                + count + " of them");
                    }
                    return count;
                })
                .then();
    }

    /** The key columns, then the columns the database sets on update. */
    private static Column<?>[] readBackColumns(EntityModel<Object> model) {
        List<Attribute<Object, ?>> ids = model.ids();
        List<Attribute<Object, ?>> fetched = model.generatedOnUpdate();
        Column<?>[] columns = new Column<?>[ids.size() + fetched.size()];
        for (int i = 0; i < ids.size(); i++) {
            columns[i] = ids.get(i);
        }
        for (int i = 0; i < fetched.size(); i++) {
            columns[ids.size() + i] = fetched.get(i);
        }
        return columns;
    }

    /**
     * Runs a statement that gives back {@link #readBackColumns} of updated rows (a SELECT, or an UPDATE ... RETURNING), sets
     * the values into the objects matched by key, and emits how many rows came back.
     */
    private Mono<Long> readBackRows(
            EntityModel<Object> model, List<? extends EntityState<?>> chunk, io.sluice.core.sql.Statement statement) {
        List<Attribute<Object, ?>> ids = model.ids();
        List<Attribute<Object, ?>> fetched = model.generatedOnUpdate();
        Map<Object, EntityState<?>> byKey = new java.util.HashMap<>();
        for (EntityState<?> state : chunk) {
            byKey.put(java.util.Objects.requireNonNull(model.identity(state.entity())), state);
        }
        int width = ids.size() + fetched.size();
        return connection
                .query(statement, row -> {
                    @Nullable Object[] values = new Object[width];
                    for (int i = 0; i < ids.size(); i++) {
                        values[i] = row.get(i, ids.get(i).type());
                    }
                    for (int i = 0; i < fetched.size(); i++) {
                        values[ids.size() + i] =
                                row.get(ids.size() + i, fetched.get(i).stateType());
                    }
                    return values;
                })
                .map(values -> {
                    Object key = ids.size() == 1 ? values[0] : Arrays.asList(Arrays.copyOf(values, ids.size()));
                    EntityState<?> state = byKey.remove(key);
                    if (state != null) {
                        for (int i = 0; i < fetched.size(); i++) {
                            readBack(state, fetched.get(i), values[ids.size() + i]);
                        }
                        readBackOnUpdate.put(state, Boolean.TRUE);
                    }
                    return 1L;
                })
                .count();
    }

    /** Whether an UPDATE can give back what the database set in the same round trip, for objects of this class. */
    private boolean returnsOnUpdate(EntityModel<?> model) {
        return !model.generatedOnUpdate().isEmpty() && connection.dialect().supports(Capability.UPDATE_RETURNING);
    }

    /** Sends the UPDATEs of a run, as {@link #updates} describes. */
    private Mono<Void> sendUpdates(List<FlushAction.UpdateRow> actions) {
        Dialect dialect = connection.dialect();
        if (actions.size() < 2
                || !(dialect.supports(Capability.UPDATE_FROM_VALUES)
                        || dialect.supports(Capability.UPDATE_JOIN_ROWS))) {
            return singleUpdates(actions);
        }
        Map<UpdateShape, List<FlushAction.UpdateRow>> shapes = new LinkedHashMap<>();
        List<FlushAction.UpdateRow> single = new ArrayList<>();
        for (FlushAction.UpdateRow action : actions) {
            if (fitsManyRows(action)) {
                shapes.computeIfAbsent(
                                new UpdateShape(action.state().model(), action.changed(), action.part()),
                                shape -> new ArrayList<>())
                        .add(action);
            } else {
                single.add(action);
            }
        }
        List<Supplier<Mono<Void>>> steps = new ArrayList<>();
        for (Map.Entry<UpdateShape, List<FlushAction.UpdateRow>> shape : shapes.entrySet()) {
            List<FlushAction.UpdateRow> rows = shape.getValue();
            if (rows.size() == 1) {
                single.add(rows.get(0));
                continue;
            }
            int columns = 2 * shape.getKey().model().ids().size()
                    + shape.getKey().changed().size()
                    + 2;
            int rowsPerStatement = Math.max(1, Math.min(maxRows, MAX_BINDS / columns));
            for (int from = 0; from < rows.size(); from += rowsPerStatement) {
                List<FlushAction.UpdateRow> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
                steps.add(() -> updateRows(shape.getKey(), chunk));
            }
        }
        if (!single.isEmpty()) {
            steps.add(() -> singleUpdates(single));
        }
        return Flux.fromIterable(steps).concatMap(Supplier::get).then();
    }

    /**
     * Returns whether an update can go into an {@link UpdateRows}: not when it changes the key (rows could swap keys within
     * one statement) or when its version is unset or set by hand (the single UPDATE deals with those).
     */
    private static boolean fitsManyRows(FlushAction.UpdateRow action) {
        EntityModel<?> model = action.state().model();
        for (Attribute<?, ?> changed : action.changed()) {
            if (changed.isId() || changed == model.version()) {
                return false;
            }
        }
        Attribute<?, ?> version = model.version();
        return version == null || FlushPlan.value(version, action.state()) != null;
    }

    /** The objects of one class that changed the same columns. */
    private record UpdateShape(
            EntityModel<?> model,
            List<Attribute<?, ?>> changed,
            @Nullable TablePart part) {}

    /**
     * Sends one {@link UpdateRows} for objects of one shape: matched by key (and version), given their changed columns (and
     * their next version); a versioned batch must match every row.
     */
    @SuppressWarnings("unchecked")
    private Mono<Void> updateRows(UpdateShape shape, List<FlushAction.UpdateRow> chunk) {
        EntityModel<Object> model = (EntityModel<Object>) shape.model();
        TablePart part = shape.part();
        Attribute<Object, Object> version =
                part == null || part.root() ? (Attribute<Object, Object>) model.version() : null;
        List<Column<?>> match = new ArrayList<>(part == null ? model.ids() : part.keys());
        List<Column<?>> set = new ArrayList<>(shape.changed());
        if (version != null) {
            match.add(version);
            set.add(version);
        }
        List<EntityState<Object>> states = new ArrayList<>(chunk.size());
        List<List<@Nullable Object>> rows = new ArrayList<>(chunk.size());
        for (FlushAction.UpdateRow action : chunk) {
            EntityState<Object> state = (EntityState<Object>) action.state();
            states.add(state);
            List<@Nullable Object> row = new ArrayList<>(match.size() + set.size());
            for (Attribute<Object, ?> id : model.ids()) {
                row.add(snapshotKey(state, (Attribute<Object, Object>) id));
            }
            Object current = version == null ? null : version.get(state.entity());
            if (version != null) {
                row.add(current);
            }
            for (Attribute<?, ?> column : shape.changed()) {
                row.add(FlushPlan.value(column, state));
            }
            if (version != null) {
                // fitsManyRows let only objects with a version in
                setVersion(state, version, ((Number) java.util.Objects.requireNonNull(current)).longValue() + 1);
                row.add(version.get(state.entity()));
            }
            rows.add(row);
        }
        UpdateRows statement = SQL.updateRows(part == null ? model.table() : part.table(), match, set, rows);
        // the columns the database sets are in the root's table, read back with its row
        Mono<Long> sent = returnsOnUpdate(model) && (part == null || part.root())
                ? readBackRows(model, states, statement.returning(readBackColumns(model)))
                : connection.execute(statement);
        return sent.doOnNext(count -> {
                    if (version != null) {
                        check(states, List.of(count));
                    }
                    states.forEach(result::updated);
                })
                .then();
    }

    /**
     * Sends updates one per object, those of the same SQL batched into one driver statement, and checks each versioned row's
     * count. A driver that reports one total for a batch instead of a count per row gets the total checked instead.
     */
    @SuppressWarnings("unchecked")
    private Mono<Void> singleUpdates(List<FlushAction.UpdateRow> actions) {
        List<Update> statements = new ArrayList<>(actions.size());
        List<EntityState<Object>> states = new ArrayList<>(actions.size());
        boolean versioned = false;
        for (FlushAction.UpdateRow action : actions) {
            EntityState<Object> state = (EntityState<Object>) action.state();
            states.add(state);
            statements.add(update(state, action.changed(), action.part()));
            versioned |= state.model().version() != null
                    && (action.part() == null || action.part().root());
        }
        boolean checked = versioned;
        if (statements.size() == 1 && returnsOnUpdate(states.get(0).model())) {
            // one UPDATE ... RETURNING instead of an UPDATE and a SELECT
            return readBackRows(
                            states.get(0).model(),
                            states,
                            statements
                                    .get(0)
                                    .returning(readBackColumns(states.get(0).model())))
                    .doOnNext(count -> {
                        if (checked) {
                            check(states, List.of(count));
                        }
                        states.forEach(result::updated);
                    })
                    .then();
        }
        return connection
                .executeBatched(statements)
                .collectList()
                .doOnNext(counts -> {
                    if (checked) {
                        check(states, counts, actions);
                    }
                    states.forEach(result::updated);
                })
                .then();
    }

    private static void check(List<EntityState<Object>> states, List<Long> counts) {
        check(states, counts, null);
    }

    private static void check(
            List<EntityState<Object>> states, List<Long> counts, @Nullable List<FlushAction.UpdateRow> actions) {
        if (counts.size() == states.size()) {
            for (int i = 0; i < counts.size(); i++) {
                TablePart part = actions == null ? null : actions.get(i).part();
                boolean versioned = states.get(i).model().version() != null && (part == null || part.root());
                if (versioned && counts.get(i) != 1) {
                    throw new StaleObjectException("UPDATE of " + describe(states.get(i))
                            + " expected to change 1 row but matched " + counts.get(i)
                            + ": the row was changed or deleted by another transaction since it was loaded");
                }
            }
            return;
        }
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (total != states.size()) {
            throw new StaleObjectException("a batch of " + states.size() + " UPDATEs (" + describe(states.get(0))
                    + " and others) changed " + total + " rows: a row was changed or deleted by another transaction"
                    + " since it was loaded");
        }
    }

    /** The UPDATE of one object's changed columns; a versioned object's version goes up by one, checked in the WHERE. */
    @SuppressWarnings("unchecked")
    private Update update(EntityState<Object> state, List<Attribute<?, ?>> changed, @Nullable TablePart part) {
        EntityModel<Object> model = state.model();
        Update update = SQL.update(part == null ? model.table() : part.table());
        for (Attribute<?, ?> column : changed) {
            update = set(update, (Attribute<Object, Object>) column, FlushPlan.value(column, state));
        }
        update = update.where(keyCondition(state, part));
        Attribute<Object, Object> version =
                part == null || part.root() ? (Attribute<Object, Object>) model.version() : null;
        if (version != null && !changed.contains(version)) {
            Object current = version.get(state.entity());
            update = update.where(current == null ? version.isNull() : version.eq(current));
            long next = current == null ? 1 : ((Number) current).longValue() + 1;
            setVersion(state, version, next);
            update = set(update, version, version.get(state.entity()));
        }
        return update;
    }

    @SuppressWarnings("unchecked")
    private Mono<Void> delete(FlushAction.DeleteRows action) {
        EntityModel<Object> model = (EntityModel<Object>) action.model();
        TablePart part = action.part();
        boolean primary = part == null || part.root();
        Table table = part == null ? model.table() : part.table();
        Attribute<Object, Object> version = primary ? (Attribute<Object, Object>) model.version() : null;
        if (version != null || model.ids().size() > 1) {
            return Flux.fromIterable(action.states())
                    .concatMap(any -> {
                        EntityState<Object> state = (EntityState<Object>) any;
                        Expression<Boolean> where = keyCondition(state, part);
                        if (version != null) {
                            Object current = state.snapshotValue(version);
                            where = where.and(current == null ? version.isNull() : version.eq(current));
                        }
                        return connection
                                .execute(SQL.deleteFrom(table).where(where))
                                .doOnNext(count -> {
                                    if (version != null && count != 1) {
                                        throw new StaleObjectException(
                                                "DELETE of " + describe(state)
                                                        + " expected to remove 1 row but matched " + count
                                                        + ": the row was changed or deleted by another transaction since it was loaded");
                                    }
                                    if (primary) {
                                        result.deleted(state);
                                    }
                                });
                    })
                    .then();
        }
        Attribute<Object, Object> id = (Attribute<Object, Object>) model.ids().get(0);
        List<List<EntityState<?>>> chunks = new ArrayList<>();
        List<EntityState<?>> states = action.states();
        for (int from = 0; from < states.size(); from += maxRows) {
            chunks.add(states.subList(from, Math.min(states.size(), from + maxRows)));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> {
                    List<Object> ids = new ArrayList<>(chunk.size());
                    for (EntityState<?> state : chunk) {
                        ids.add(snapshotKey(state, id));
                    }
                    Column<Object> key =
                            part == null ? id : (Column<Object>) part.keys().get(0);
                    Expression<Boolean> where = ids.size() == 1 ? key.eq(ids.get(0)) : key.in(ids);
                    return connection
                            .execute(SQL.deleteFrom(table).where(where))
                            .doOnNext(count -> {
                                if (primary) {
                                    chunk.forEach(result::deleted);
                                }
                            });
                })
                .then();
    }

    private static Object snapshotKey(EntityState<?> state, Attribute<Object, Object> id) {
        @SuppressWarnings("unchecked")
        Object value = ((EntityState<Object>) state).snapshotValue(id);
        return value != null ? value : java.util.Objects.requireNonNull(FlushPlan.value(id, state));
    }

    @SuppressWarnings("unchecked")
    private static Expression<Boolean> keyCondition(EntityState<Object> state, @Nullable TablePart table) {
        List<Expression<Boolean>> parts = new ArrayList<>();
        List<Attribute<Object, ?>> ids = state.model().ids();
        for (int i = 0; i < ids.size(); i++) {
            Attribute<Object, Object> id = (Attribute<Object, Object>) ids.get(i);
            Column<Object> column =
                    table == null ? id : (Column<Object>) table.keys().get(i);
            parts.add(column.eq(snapshotKey(state, id)));
        }
        return Conjunction.of(Conjunction.Kind.AND, parts);
    }

    private static Update set(Update update, Attribute<Object, Object> attribute, @Nullable Object value) {
        return update.set(attribute, value);
    }

    @SuppressWarnings("unchecked")
    private void setVersion(EntityState<?> state, Attribute<Object, Object> version, long value) {
        Object previous = version.get(state.entity());
        SqlType.Kind kind = version.type().kind();
        Object typed = kind == SqlType.Kind.BIGINT
                ? (Object) value
                : kind == SqlType.Kind.SMALLINT ? (Object) (short) value : (Object) (int) value;
        result.versionChanged(state, previous);
        version.set(state.entity(), typed);
    }

    private static String describe(EntityState<?> state) {
        return state.model().type().getSimpleName() + " with key "
                + state.model().ids().stream()
                        .map(id -> FlushPlan.value(id, state))
                        .toList();
    }
}
