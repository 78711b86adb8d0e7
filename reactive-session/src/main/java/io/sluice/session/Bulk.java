package io.sluice.session;

import io.sluice.core.dialect.Capability;
import io.sluice.core.sql.Assignment;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.Delete;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.Update;
import io.sluice.session.internal.EntityRows;
import io.sluice.session.internal.EntityState;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs bulk UPDATEs and DELETEs in a session and keeps the session's objects in step with the rows they changed. */
final class Bulk {

    private Bulk() {}

    /** Checks that a bulk statement can run on a class: its columns are in one table. */
    static <E> EntityModel<E> model(DefaultSession session, Class<E> type) {
        EntityModel<E> model = session.model(type);
        if (model.isJoined()) {
            throw new UnsupportedOperationException(
                    type.getSimpleName() + " is mapped in a joined-table hierarchy: a"
                            + " bulk statement changes one table; use session.execute(SQL.update(table)...) on the table you mean");
        }
        return model;
    }

    /** Checks that an attribute is a column of the class's table. */
    static <V> Column<V> owned(EntityModel<?> model, Attribute<?, V> attribute) {
        if (attribute.source() != model.table()) {
            throw new IllegalArgumentException(attribute + " is not a column of "
                    + model.type().getSimpleName() + "'s table " + model.table().name());
        }
        return attribute;
    }

    static <E> Mono<Long> update(DefaultSession session, EntityModel<E> model, Update update, Synchronize mode) {
        return Mono.defer(() -> {
            if (update.assignments().isEmpty()) {
                return Mono.error(new IllegalArgumentException("the bulk update of "
                        + model.type().getSimpleName() + " sets nothing: add set(attribute, value)"));
            }
            Update statement = update;
            Expression<Boolean> subclass = QueryItem.discriminatorFilter(model, model.table());
            if (subclass != null) {
                statement = statement.where(subclass);
            }
            Expression<Boolean> where = statement.where();
            if (mode == Synchronize.EVALUATE) {
                InMemoryCriteria.check(model, where);
                for (Assignment assignment : update.assignments()) {
                    InMemoryCriteria.check(model, assignment.value());
                }
                List<EntityState<?>> matched = held(session, model, where);
                Update evaluated = statement;
                return session.run(connection -> connection.execute(evaluated))
                        .next()
                        .doOnNext(count -> assign(session, model, matched, update.assignments()));
            }
            if (mode == Synchronize.NONE) {
                Update plain = statement;
                return session.run(connection -> connection.execute(plain)).next();
            }
            Update fetched = statement;
            boolean single = model.ids().size() == 1;
            return session.run(connection -> {
                        if (single && connection.dialect().supports(Capability.UPDATE_RETURNING)) {
                            Attribute<E, ?> id = model.ids().get(0);
                            return connection
                                    .query(fetched.returning(id), row -> (Object) keyOf(model, row))
                                    .collectList()
                                    .map(keys -> new Affected(keys, keys.size()));
                        }
                        return keys(connection, model, where)
                                .flatMap(keys -> connection.execute(fetched).map(count -> new Affected(keys, count)));
                    })
                    .next()
                    .flatMap(affected -> reload(session, model, affected.keys()).thenReturn(affected.count()));
        });
    }

    static <E> Mono<Long> delete(DefaultSession session, EntityModel<E> model, Delete delete, Synchronize mode) {
        return Mono.defer(() -> {
            Delete statement = delete;
            Expression<Boolean> subclass = QueryItem.discriminatorFilter(model, model.table());
            if (subclass != null) {
                statement = statement.where(subclass);
            }
            Expression<Boolean> where = statement.where();
            Delete sent = statement;
            if (mode == Synchronize.NONE) {
                return session.run(connection -> connection.execute(sent)).next();
            }
            if (mode == Synchronize.EVALUATE) {
                InMemoryCriteria.check(model, where);
                List<EntityState<?>> matched = held(session, model, where);
                return session.run(connection -> connection.execute(sent))
                        .next()
                        .doOnNext(count ->
                                matched.forEach(state -> session.unitOfWork().expunge(state.entity())));
            }
            return session.run(connection -> keys(connection, model, where)
                            .flatMap(keys -> connection.execute(sent).map(count -> new Affected(keys, count))))
                    .next()
                    .doOnNext(affected -> {
                        for (Object key : affected.keys()) {
                            EntityState<?> state =
                                    session.unitOfWork().identityMap().get(model.identityType(), key);
                            if (state != null) {
                                session.unitOfWork().expunge(state.entity());
                            }
                        }
                    })
                    .map(Affected::count);
        });
    }

    private record Affected(List<Object> keys, long count) {}

    /** The keys of the rows a condition selects, read in the statement's transaction just before it. */
    private static Mono<List<Object>> keys(
            io.sluice.core.SqlConnection connection, EntityModel<?> model, @Nullable Expression<Boolean> where) {
        Select select = SQL.select(model.ids().toArray(new Expression<?>[0]));
        if (where != null) {
            select = select.where(where);
        }
        return connection.query(select, row -> keyOf(model, row)).collectList();
    }

    private static Object keyOf(EntityModel<?> model, io.sluice.core.RowReader row) {
        List<? extends Attribute<?, ?>> ids = model.ids();
        @Nullable Object[] values = new Object[ids.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i, ids.get(i).stateType());
        }
        return ids.size() == 1 ? java.util.Objects.requireNonNull(values[0]) : java.util.Arrays.asList(values);
    }

    /** The session's objects of the class that a condition matches now. */
    private static List<EntityState<?>> held(
            DefaultSession session, EntityModel<?> model, @Nullable Expression<Boolean> where) {
        List<EntityState<?>> matched = new ArrayList<>();
        for (EntityState<?> state : session.unitOfWork().identityMap().keyed()) {
            if (model.type().isInstance(state.entity())
                    && state.status() == EntityState.Status.PERSISTENT
                    && InMemoryCriteria.matches(where, state.entity())) {
                matched.add(state);
            }
        }
        return matched;
    }

    /** Gives matched objects the values an evaluated UPDATE set, as their rows now have them. */
    @SuppressWarnings("unchecked")
    private static void assign(
            DefaultSession session, EntityModel<?> model, List<EntityState<?>> matched, List<Assignment> assignments) {
        for (EntityState<?> state : matched) {
            Object entity = state.entity();
            List<@Nullable Object> values = new ArrayList<>(assignments.size());
            for (Assignment assignment : assignments) {
                values.add(InMemoryCriteria.value(assignment.value(), entity));
            }
            for (int i = 0; i < assignments.size(); i++) {
                ((Attribute<Object, Object>) assignments.get(i).column()).set(entity, values.get(i));
            }
            EntityModel<Object> own = (EntityModel<Object>) state.model();
            session.unitOfWork().refresh(own, entity, own.states(entity));
        }
    }

    /** Reads again the rows of the keys whose objects the session holds. */
    @SuppressWarnings("unchecked")
    private static Mono<Void> reload(DefaultSession session, EntityModel<?> model, List<Object> keys) {
        List<Object> held = new ArrayList<>();
        for (Object key : keys) {
            EntityState<?> state = session.unitOfWork().identityMap().get(model.identityType(), key);
            if (state != null && state.status() == EntityState.Status.PERSISTENT) {
                held.add(state.entity());
            }
        }
        if (held.isEmpty()) {
            return Mono.empty();
        }
        if (model.ids().size() > 1) {
            return Flux.fromIterable(held).concatMap(session::refresh).then();
        }
        EntityModel<Object> own = (EntityModel<Object>) model;
        Attribute<Object, Object> id = (Attribute<Object, Object>) own.ids().get(0);
        List<Object> heldKeys = new ArrayList<>();
        for (Object entity : held) {
            heldKeys.add(java.util.Objects.requireNonNull(own.keyOf(entity)));
        }
        Select select = SQL.select(own.attributes().toArray(new Expression<?>[0]))
                .from(own.from())
                .where(id.in(heldKeys));
        EntityRows<Object> rows = EntityRows.of(own);
        return session.run(false, connection -> connection.query(select, row -> rows.read(row, 0)))
                .doOnNext(values -> {
                    EntityState<?> state = session.unitOfWork()
                            .identityMap()
                            .get(own.identityType(), java.util.Objects.requireNonNull(own.identityOf(values)));
                    if (state != null) {
                        session.unitOfWork().refresh(own, state.entity(), values);
                    }
                })
                .then();
    }
}
