package io.sluice.session;

import io.sluice.core.SqlConnection;
import io.sluice.core.dialect.Capability;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.ConflictAction;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.Insert;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.session.internal.EntityRows;
import io.sluice.session.internal.EntityState;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.Generated;
import io.sluice.session.mapping.Relationship;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * Writes objects' rows with an upsert (or an insert-or-ignore) on their key or on unique attributes, then reads the rows back
 * in the same turn and transaction and makes the objects persistent with them: the database's values, whatever it kept or
 * changed, are the objects' values and snapshots.
 */
final class Upserts {

    /** The most rows in one statement, as the flush sends them. */
    private static final int MAX_ROWS = 1_000;

    /** The most bind parameters in one statement. */
    private static final int MAX_BINDS = 30_000;

    private final DefaultSession session;
    private final EntityModel<Object> model;
    private final List<Object> entities;
    private final List<Attribute<Object, ?>> by;
    private final boolean update;

    private Upserts(
            DefaultSession session,
            EntityModel<Object> model,
            List<Object> entities,
            List<Attribute<Object, ?>> by,
            boolean update) {
        this.session = session;
        this.model = model;
        this.entities = entities;
        this.by = by;
        this.update = update;
    }

    /**
     * Checks the objects and the conflict attributes now, and returns the work that writes and reads back their rows.
     *
     * @throws IllegalArgumentException if the objects or attributes do not fit an upsert (named in the message)
     * @throws UnsupportedOperationException if the objects' class cannot be upserted (versioned, in a hierarchy)
     */
    @SuppressWarnings("unchecked")
    static <E> Flux<E> write(
            DefaultSession session, Collection<? extends E> given, Column<?>[] columns, boolean update) {
        List<Object> entities = new ArrayList<>(given);
        if (entities.isEmpty()) {
            return Flux.empty();
        }
        Class<?> type = entities.get(0).getClass();
        EntityModel<Object> model = (EntityModel<Object>) session.model(type);
        String name = type.getSimpleName();
        String operation = update ? "upsert" : "insert-or-ignore";
        if (model.version() != null) {
            throw new UnsupportedOperationException(name + " has a @Version field: an " + operation
                    + " would write its row without checking the version; load the object and change it, or add() it");
        }
        if (model.isPolymorphic() || model.isSubclass() || model.isJoined()) {
            throw new UnsupportedOperationException(
                    name + " is mapped in an inheritance hierarchy, whose rows an " + operation
                            + " cannot keep whole (discriminator, several tables); add() the object or get() and change it");
        }
        List<Attribute<Object, ?>> by = new ArrayList<>();
        for (Column<?> column : columns) {
            Attribute<Object, ?> attribute = attribute(model, column);
            if (by.contains(attribute)) {
                throw new IllegalArgumentException(column + " is given twice as a conflict attribute");
            }
            by.add(attribute);
        }
        if (by.isEmpty()) {
            by.addAll(model.ids());
        }
        Map<List<@Nullable Object>, Object> seen = new HashMap<>();
        for (Object entity : entities) {
            check(session, model, entity, type, by, operation);
            Object other = seen.put(conflictValues(by, entity), entity);
            if (other != null) {
                throw new IllegalArgumentException("two " + name + " objects have the same " + names(by) + " "
                        + conflictValues(by, entity) + ": one statement cannot " + operation + " a row twice");
            }
        }
        Upserts upserts = new Upserts(session, model, entities, by, update);
        return (Flux<E>) session.run(upserts::send);
    }

    private static Attribute<Object, ?> attribute(EntityModel<Object> model, Column<?> column) {
        for (Attribute<Object, ?> attribute : model.attributes()) {
            if (attribute == column) {
                if (attribute.isFormula() || !attribute.isInsertable()) {
                    throw new IllegalArgumentException(
                            attribute + " is not written by an INSERT (a formula, read-only or"
                                    + " set by the database), so it cannot decide a conflict; give unique attributes the object sets");
                }
                return attribute;
            }
        }
        throw new IllegalArgumentException(
                column + " is not an attribute of " + model.type().getSimpleName()
                        + "; give the attributes of a unique key of its table, such as "
                        + model.type().getSimpleName()
                        + "_." + model.attributes().get(0).fieldName());
    }

    private static void check(
            DefaultSession session,
            EntityModel<Object> model,
            Object entity,
            Class<?> type,
            List<Attribute<Object, ?>> by,
            String operation) {
        String name = type.getSimpleName();
        if (entity.getClass() != type) {
            throw new IllegalArgumentException("an " + operation + " writes objects of one class; got " + name + " and "
                    + entity.getClass().getSimpleName() + ": call it once per class");
        }
        if (session.contains(entity)) {
            throw new IllegalArgumentException(name + " " + entity + " is already in this session: change it and flush,"
                    + " or " + operation + " a new object");
        }
        for (Attribute<Object, ?> attribute : by) {
            if (attribute.get(entity) == null) {
                throw new IllegalArgumentException(
                        name + "'s " + attribute.fieldName() + " is null in " + entity + ": an "
                                + operation + " needs a value of each conflict attribute"
                                + (attribute.isGenerated()
                                        ? "; for a generated key, give unique attributes to decide instead"
                                        : ""));
            }
        }
        for (Attribute<Object, ?> id : model.ids()) {
            if (id.get(entity) == null && id.isGenerated() && id.generation() == Generated.Strategy.SEQUENCE) {
                throw new IllegalArgumentException(
                        name + "'s key " + id.fieldName() + " is made by Sluice (" + id.generation()
                                + ") at flush, not by an " + operation + ": set it before, or add() the object");
            }
        }
        for (Relationship<Object, ?> relationship : model.relationships()) {
            Object holder = relationship.holder(entity);
            if (RelationAccess.isLoaded(holder)
                    && !RelationAccess.contents(holder).isEmpty()) {
                throw new IllegalArgumentException("an " + operation + " writes only " + name + "'s own row, but "
                        + relationship + " holds objects: set the foreign key attribute instead, or add() the objects");
            }
        }
    }

    private static List<@Nullable Object> conflictValues(List<Attribute<Object, ?>> by, Object entity) {
        List<@Nullable Object> values = new ArrayList<>(by.size());
        for (Attribute<Object, ?> attribute : by) {
            values.add(attribute.state(entity));
        }
        return values;
    }

    private static String names(List<Attribute<Object, ?>> by) {
        List<String> names = new ArrayList<>();
        for (Attribute<Object, ?> attribute : by) {
            names.add(attribute.fieldName());
        }
        return names.size() == 1 ? names.get(0) : names.toString();
    }

    /** A given object and the persistent object of its row: itself, or the one the session held for that row. */
    private record Written(Object given, Object persistent) {}

    /** Groups the objects by the columns their INSERT writes, in chunks, and writes and reads back each chunk in turn. */
    private Flux<Object> send(SqlConnection connection) {
        List<Object> assigned = assignUuids();
        Map<List<Attribute<Object, ?>>, List<Object>> shapes = new LinkedHashMap<>();
        for (Object entity : entities) {
            shapes.computeIfAbsent(shape(entity), key -> new ArrayList<>()).add(entity);
        }
        List<Flux<Written>> work = new ArrayList<>();
        for (Map.Entry<List<Attribute<Object, ?>>, List<Object>> entry : shapes.entrySet()) {
            List<Attribute<Object, ?>> columns = entry.getKey();
            int rows = Math.max(1, Math.min(MAX_ROWS, MAX_BINDS / Math.max(1, columns.size())));
            List<Object> objects = entry.getValue();
            for (int from = 0; from < objects.size(); from += rows) {
                List<Object> chunk = objects.subList(from, Math.min(objects.size(), from + rows));
                work.add(Flux.defer(() -> write(connection, statement(columns, chunk), chunk)));
            }
        }
        Map<Object, Object> persistent = new IdentityHashMap<>();
        return Flux.concat(work)
                .doOnNext(written -> persistent.put(written.given(), written.persistent()))
                .doFinally(signal -> clearUuids(assigned, persistent))
                .thenMany(Flux.defer(() -> Flux.fromIterable(entities).map(persistent::get)));
    }

    /**
     * Gives a time-ordered UUID to each object whose key Sluice makes so ({@code @Generated(strategy = UUID)}) and is unset, as
     * a flush would: the row inserted gets it, and the object of a row that was there gets that row's key when read back.
     */
    @SuppressWarnings("unchecked")
    private List<Object> assignUuids() {
        List<Object> assigned = new ArrayList<>();
        for (Attribute<Object, ?> id : model.ids()) {
            if (id.isGenerated() && id.generation() == Generated.Strategy.UUID) {
                for (Object entity : entities) {
                    if (id.get(entity) == null) {
                        ((Attribute<Object, Object>) id).set(entity, TimeOrderedUuids.next());
                        assigned.add(entity);
                    }
                }
            }
        }
        return assigned;
    }

    /**
     * Takes back the UUIDs {@link #assignUuids()} gave to objects that did not become persistent: all of them after a failure
     * or a cancel in their chunk, and those whose row the session already held in another object.
     */
    @SuppressWarnings("unchecked")
    private void clearUuids(List<Object> assigned, Map<Object, Object> persistent) {
        for (Attribute<Object, ?> id : model.ids()) {
            if (id.isGenerated() && id.generation() == Generated.Strategy.UUID) {
                for (Object entity : assigned) {
                    if (persistent.get(entity) != entity) {
                        ((Attribute<Object, Object>) id).set(entity, null);
                    }
                }
            }
        }
    }

    /**
     * Sends a chunk's statement and makes its objects persistent with their rows: rows come back with the statement where the
     * database has {@code RETURNING} (PostgreSQL; all but the rows a do-nothing left), the others are selected after it.
     */
    private Flux<Written> write(SqlConnection connection, Insert insert, List<Object> chunk) {
        Map<List<@Nullable Object>, Object> byValues = new HashMap<>();
        for (Object entity : chunk) {
            byValues.put(conflictValues(by, entity), entity);
        }
        EntityRows<Object> rows = EntityRows.of(model);
        Flux<Written> written;
        if (connection.dialect().supports(Capability.RETURNING) && !model.hasFormulas()) {
            Insert returning = insert.returning(model.attributes().toArray(new Column<?>[0]));
            written = connection
                    .query(returning, row -> rows.read(row, 0))
                    .mapNotNull(values -> attach(byValues, values));
        } else {
            written = connection.execute(insert).thenMany(Flux.empty());
        }
        return written.concatWith(Flux.defer(() -> {
            List<Object> missing = new ArrayList<>(byValues.values());
            return missing.isEmpty() ? Flux.empty() : readBack(connection, missing, byValues);
        }));
    }

    /** Reads the rows of objects by their conflict values, and fails naming an object whose row is not found. */
    @SuppressWarnings("unchecked")
    private Flux<Written> readBack(
            SqlConnection connection, List<Object> chunk, Map<List<@Nullable Object>, Object> byValues) {
        List<List<?>> keys = new ArrayList<>(chunk.size());
        for (Object entity : chunk) {
            List<@Nullable Object> bound = new ArrayList<>(by.size());
            for (Attribute<Object, ?> attribute : by) {
                bound.add(attribute.get(entity));
            }
            keys.add(bound);
        }
        Expression<Boolean> where;
        if (by.size() == 1) {
            List<Object> values = new ArrayList<>();
            for (List<?> key : keys) {
                values.add(java.util.Objects.requireNonNull(key.get(0)));
            }
            where = ((Attribute<Object, Object>) by.get(0)).in(values);
        } else {
            where = SQL.tuple(by.toArray(new Expression<?>[0])).in(keys);
        }
        Select select = SQL.select(model.attributes().toArray(new Expression<?>[0]))
                .from(model.from())
                .where(where);
        EntityRows<Object> rows = EntityRows.of(model);
        return connection
                .query(select, row -> rows.read(row, 0))
                .mapNotNull(values -> attach(byValues, values))
                .concatWith(Flux.defer(() -> {
                    if (byValues.isEmpty()) {
                        return Flux.empty();
                    }
                    Object entity = byValues.values().iterator().next();
                    return Flux.error(new IllegalStateException("after the " + (update ? "upsert" : "insert-or-ignore")
                            + " no row of " + model.table().name() + " has the " + names(by) + " of " + entity
                            + (connection.dialect().name().equals("MariaDB")
                                    ? ": MariaDB reacts to a conflict on any unique key, and compares with its"
                                            + " collation; upsert by the unique key that conflicted"
                                    : ": the database compared the values otherwise (a collation or a trigger)")));
                }));
    }

    /** The columns the INSERT writes: as the flush's, all but an unset generated key and those INSERTs never write. */
    private List<Attribute<Object, ?>> shape(Object entity) {
        List<Attribute<Object, ?>> columns = new ArrayList<>();
        for (Attribute<Object, ?> attribute : model.attributes()) {
            if ((attribute.isGenerated() && attribute.get(entity) == null) || !attribute.isInsertable()) {
                continue;
            }
            columns.add(attribute);
        }
        return columns;
    }

    private Insert statement(List<Attribute<Object, ?>> columns, List<Object> chunk) {
        List<List<?>> rows = new ArrayList<>(chunk.size());
        for (Object entity : chunk) {
            Object[] row = new Object[columns.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = columns.get(c).get(entity);
            }
            rows.add(Arrays.asList(row));
        }
        Insert insert = SQL.insertInto(model.table())
                .columns(columns.toArray(new Column<?>[0]))
                .rows(rows);
        ConflictAction conflict = insert.onConflict(by.toArray(new Column<?>[0]));
        List<Column<?>> set = new ArrayList<>();
        if (update) {
            for (Attribute<Object, ?> column : columns) {
                if (column.isUpdatable() && !column.isId() && !by.contains(column)) {
                    set.add(column);
                }
            }
        }
        return set.isEmpty() ? conflict.doNothing() : conflict.doUpdate().setExcluded(set.toArray(new Column<?>[0]));
    }

    /**
     * Makes the object of a row persistent, if the row is one of the objects' still waiting (taken out of {@code byValues}): the
     * object the session already holds for its key, refreshed with the row, or the given object, filled with the row and added
     * as persistent and clean.
     */
    private @Nullable Written attach(Map<List<@Nullable Object>, Object> byValues, @Nullable Object[] values) {
        List<@Nullable Object> conflict = new ArrayList<>(by.size());
        for (Attribute<Object, ?> attribute : by) {
            conflict.add(values[model.attributes().indexOf(attribute)]);
        }
        Object entity = byValues.remove(conflict);
        if (entity == null) {
            return null; // a row matched otherwise (a collation): its object is reported as not found
        }
        Object id = model.identityOf(values);
        if (id == null) {
            throw new IllegalStateException("a row of " + model.table().name() + " has a NULL primary key");
        }
        EntityState<?> held = session.unitOfWork().identityMap().get(model.identityType(), id);
        if (held != null) {
            session.unitOfWork().refresh(model, held.entity(), values);
            return new Written(entity, held.entity());
        }
        EntityRows.of(model).fill(entity, values);
        session.unitOfWork().attach(entity, model, id);
        return new Written(entity, entity);
    }
}
