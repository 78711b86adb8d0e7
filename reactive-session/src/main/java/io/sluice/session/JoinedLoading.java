package io.sluice.session;

import io.sluice.core.RowMapper;
import io.sluice.core.sql.ColumnSource;
import io.sluice.core.sql.DerivedTable;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.FromItem;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.TableAlias;
import io.sluice.session.internal.EntityRows;
import io.sluice.session.internal.EntityState;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.Relationship;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Loads relationships in the query's own rows: joinedLoad adds a LEFT OUTER JOIN to an anonymous alias of the related table
 * (wrapping the query in a subquery when it has a LIMIT or OFFSET, so that they count parents), containsEager reads the columns
 * of a table the query joins itself. Rows are grouped by parent; parents come out once each, in order.
 */
final class JoinedLoading {

    private JoinedLoading() {}

    /** One relationship loaded in the row: where its columns come from and where they start. */
    private record Part(Relationship<?, ?> relationship, EntityModel<?> target, ColumnSource source) {}

    @SuppressWarnings("unchecked")
    static Mono<List<Object[]>> run(
            DefaultSession session,
            List<QueryItem> items,
            Select select,
            List<LoadOption> options,
            boolean fromSelect,
            boolean readOnly) {
        return Mono.defer(() -> {
            if (!fromSelect || items.size() != 1 || !(items.get(0) instanceof QueryItem.EntityItem root)) {
                return Mono.error(
                        new IllegalArgumentException("joinedLoad and containsEager apply to a query of one entity class"
                                + " built with filters (not fromStatement); use selectinLoad otherwise"));
            }
            EntityModel<?> model = root.model();
            ColumnSource parent = root.source();
            Select base = select;
            if (select.limit() != null || select.offset() != null) {
                DerivedTable anonymous = select.subquery("anon_1");
                parent = anonymous;
                base = SQL.select(new QueryItem.EntityItem(model, anonymous)
                                .columns()
                                .toArray(new Expression<?>[0]))
                        .from(anonymous);
                List<Expression<?>> outerOrder = new ArrayList<>();
                for (Expression<?> key : select.orderBy()) {
                    Expression<?> bare =
                            key instanceof io.sluice.core.sql.Ordering<?> ordering ? ordering.expression() : key;
                    if (bare instanceof io.sluice.core.sql.Column<?> column
                            && select.items().contains(column)) {
                        io.sluice.core.sql.Column<?> outer = anonymous.column(column.name());
                        boolean descending =
                                key instanceof io.sluice.core.sql.Ordering<?> ordering && ordering.descending();
                        outerOrder.add(descending ? outer.desc() : outer);
                    }
                }
                base = base.orderBy(outerOrder.toArray(new Expression<?>[0]));
            } else if (base.from().isEmpty()) {
                base = base.from(base.fromItems().toArray(new FromItem[0]));
            }
            List<Expression<?>> columns = new ArrayList<>(base.items());
            List<Part> parts = new ArrayList<>();
            List<Expression<?>> order = new ArrayList<>(base.orderBy());
            int aliases = 0;
            for (LoadOption option : options) {
                Relationship<?, ?> relationship = option.relationship();
                if (!relationship.owner().isAssignableFrom(model.type())) {
                    return Mono.error(new IllegalArgumentException(relationship + " is not a relationship of "
                            + model.type().getSimpleName()));
                }
                EntityModel<?> target = EntityModel.of(relationship.target());
                if (target.isJoined() || model.isJoined()) {
                    return Mono.error(new IllegalArgumentException("joinedLoad(" + relationship + ") cannot load "
                            + (target.isJoined() ? target : model).type().getSimpleName() + ", which is mapped"
                            + " in a joined-table hierarchy (its columns are in several tables): use selectinLoad"));
                }
                ColumnSource source;
                if (option.strategy() == LoadOption.Strategy.JOINED) {
                    TableAlias alias = target.table().as(target.table().name() + "_" + (++aliases));
                    source = alias;
                    base = relationship.join(base, parent, alias, true);
                    if (relationship.isCollection()) {
                        order.add(alias.column(relationship.orderBy()));
                    }
                } else {
                    source = target.table();
                }
                parts.add(new Part(relationship, target, source));
                columns.addAll(new QueryItem.EntityItem(target, source).columns());
            }
            Select statement = new Select(
                    base.isDistinct(),
                    columns,
                    base.from(),
                    base.where(),
                    base.groupBy(),
                    base.having(),
                    order,
                    base.limit(),
                    base.offset(),
                    base.lock());
            int rootWidth = model.attributes().size();
            EntityRows<?> rootRows = EntityRows.of(model);
            List<EntityRows<?>> partRows = new ArrayList<>(parts.size());
            for (Part part : parts) {
                partRows.add(EntityRows.of(part.target()));
            }
            RowMapper<Object[]> mapper = row -> {
                Object[] values = new Object[1 + parts.size()];
                values[0] = readEntity(session, rootRows, row, 0, true, readOnly);
                int start = rootWidth;
                for (int i = 0; i < parts.size(); i++) {
                    Part part = parts.get(i);
                    boolean repeats = part.relationship().sharesTargets();
                    values[i + 1] = readEntity(session, partRows.get(i), row, start, repeats, readOnly);
                    start += part.target().attributes().size();
                }
                return values;
            };
            return session.run(connection -> connection.query(statement, mapper))
                    .collectList()
                    .map(rows -> group(rows, parts));
        });
    }

    /**
     * Loads the object of an entity's columns in a row, or {@code null} if its key is NULL (an outer join found none). Where
     * the object {@code repeats} (the parent on each of its children's rows, a reference shared by many), the key is read
     * first, and an object the session already holds is returned without reading its other columns: it keeps its values.
     */
    private static @Nullable Object readEntity(
            DefaultSession session,
            EntityRows<?> rows,
            io.sluice.core.RowReader row,
            int start,
            boolean repeats,
            boolean readOnly) {
        EntityModel<?> model = rows.model();
        List<? extends Attribute<?, ?>> attributes = model.attributes();
        @Nullable Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            if (attributes.get(i).isId()) {
                values[i] = row.get(start + i, attributes.get(i).type());
                if (values[i] == null) {
                    return null;
                }
            }
        }
        if (repeats) {
            EntityState<?> listed = session.unitOfWork()
                    .identityMap()
                    .get(model.type(), java.util.Objects.requireNonNull(model.identityOf(values)));
            if (listed != null) {
                return listed.entity();
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!attributes.get(i).isId()) {
                values[i] = row.get(start + i, attributes.get(i).type());
            }
        }
        return session.unitOfWork().objectForRow(rows, values, readOnly);
    }

    /** Fills each parent's relationships from its rows and returns one row per parent, in order of first appearance. */
    private static List<Object[]> group(List<Object[]> rows, List<Part> parts) {
        Map<Object, List<Related>> related = new IdentityHashMap<>();
        List<Object[]> parents = new ArrayList<>();
        for (Object[] row : rows) {
            Object parent = row[0];
            if (parent == null) {
                continue;
            }
            List<Related> lists = related.get(parent);
            if (lists == null) {
                lists = new ArrayList<>(parts.size());
                for (int i = 0; i < parts.size(); i++) {
                    lists.add(new Related());
                }
                related.put(parent, lists);
                parents.add(new Object[] {parent});
            }
            for (int i = 0; i < parts.size(); i++) {
                Object child = row[i + 1];
                if (child != null) {
                    lists.get(i).add(child);
                }
            }
        }
        for (Object[] parent : parents) {
            List<Related> lists = java.util.Objects.requireNonNull(related.get(parent[0]));
            for (int i = 0; i < parts.size(); i++) {
                RelationAccess.fill(parts.get(i).relationship().holder(parent[0]), lists.get(i).objects);
            }
        }
        return parents;
    }

    /**
     * The objects one parent's relationship collects from its rows, each once (a second joined collection repeats them):
     * checked by a scan while few, then by an identity set.
     */
    private static final class Related {
        private static final int SCAN_LIMIT = 16;
        final List<Object> objects = new ArrayList<>();
        private @Nullable Set<Object> seen;

        void add(Object object) {
            Set<Object> known = seen;
            if (known != null) {
                if (known.add(object)) {
                    objects.add(object);
                }
                return;
            }
            for (Object existing : objects) {
                if (existing == object) {
                    return;
                }
            }
            objects.add(object);
            if (objects.size() > SCAN_LIMIT) {
                known = Collections.newSetFromMap(new IdentityHashMap<>());
                known.addAll(objects);
                seen = known;
            }
        }
    }
}
