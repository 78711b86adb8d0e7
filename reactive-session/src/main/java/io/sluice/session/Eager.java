package io.sluice.session;

import io.sluice.core.sql.Column;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.ManyToManyRelationship;
import io.sluice.session.mapping.ManyToOneRelationship;
import io.sluice.session.mapping.OneToManyRelationship;
import io.sluice.session.mapping.Relationship;
import io.sluice.session.mapping.RelationshipVisitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Loads a relationship of many objects at once (selectin): one {@code WHERE key IN (...)} query per batch of keys. */
final class Eager {

    private Eager() {}

    /** Applies selectin options (and the options chained after any option) to the entities in the first item of each row. */
    static Mono<Void> apply(DefaultSession session, List<Object[]> rows, List<LoadOption> options, boolean readOnly) {
        return Mono.defer(() -> {
            if (options.isEmpty()) {
                return Mono.empty();
            }
            List<Object> owners = new ArrayList<>();
            Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Object[] row : rows) {
                if (row.length > 0 && row[0] != null && seen.add(row[0])) {
                    owners.add(row[0]);
                }
            }
            return Flux.fromIterable(options)
                    .concatMap(option -> (option.strategy() == LoadOption.Strategy.SELECTIN
                                    ? selectin(session, owners, option.relationship(), readOnly)
                                    : Mono.<Void>empty())
                            .then(Mono.defer(() -> chained(session, owners, option, readOnly))))
                    .then();
        });
    }

    private static Mono<Void> chained(
            DefaultSession session, List<Object> owners, LoadOption option, boolean readOnly) {
        LoadOption next = option.next();
        if (next == null) {
            return Mono.empty();
        }
        List<Object[]> children = new ArrayList<>();
        for (Object owner : owners) {
            if (option.relationship().owner().isInstance(owner)) {
                for (Object child :
                        RelationAccess.contents(option.relationship().holder(owner))) {
                    children.add(new Object[] {child});
                }
            }
        }
        return apply(session, children, List.of(next), readOnly);
    }

    /** Loads a relationship of the given objects (those of its owning class) in one query per batch of keys. */
    static Mono<Void> selectin(
            DefaultSession session, List<Object> owners, Relationship<?, ?> relationship, boolean readOnly) {
        return Mono.defer(() -> {
            List<Object> mine = new ArrayList<>();
            for (Object owner : owners) {
                if (relationship.owner().isInstance(owner)) {
                    mine.add(owner);
                }
            }
            if (mine.isEmpty()) {
                return Mono.empty();
            }
            return relationship.accept(new Selectin(session, mine, readOnly));
        });
    }

    /** The selectin load of each kind of relationship. */
    private record Selectin(DefaultSession session, List<Object> owners, boolean readOnly)
            implements RelationshipVisitor<Mono<Void>> {

        /** The children of each owner: {@code WHERE child.fk IN (owner keys) ORDER BY child.fk, order}. */
        @Override
        public <O, T> Mono<Void> visitOneToMany(OneToManyRelationship<O, T> relationship) {
            Attribute<T, Object> foreignKey = relationship.foreignKey();
            Map<Object, List<Object>> children = keyed(relationship);
            return Flux.fromIterable(batches(children.keySet(), session.loadBatchSize()))
                    .concatMap(batch -> session.query(relationship.target())
                            .filter(foreignKey.in(batch))
                            .orderBy(foreignKey, relationship.orderBy())
                            .readOnly(readOnly)
                            .all(false))
                    .doOnNext(child -> add(children, foreignKey.get(child), child))
                    .then(fill(relationship, children));
        }

        /** The referenced object of each owner: {@code WHERE target.id IN (owners' foreign keys)}. */
        @Override
        public <O, T> Mono<Void> visitManyToOne(ManyToOneRelationship<O, T> relationship) {
            Attribute<T, Object> key = relationship.referencedKey();
            Set<Object> ids = new LinkedHashSet<>();
            for (Object owner : owners) {
                Object id = relationship.targetKey(owner);
                if (id != null) {
                    ids.add(id);
                }
            }
            Map<Object, Object> targets = new HashMap<>();
            return Flux.fromIterable(batches(ids, session.loadBatchSize()))
                    .concatMap(batch -> session.query(relationship.target())
                            .filter(key.in(batch))
                            .readOnly(readOnly)
                            .all(false))
                    .doOnNext(target -> targets.put(key.get(target), target))
                    .then(Mono.fromRunnable(() -> {
                        for (Object owner : owners) {
                            Object id = relationship.targetKey(owner);
                            Object target = id == null ? null : targets.get(id);
                            RelationAccess.fill(
                                    relationship.holder(owner), target == null ? List.of() : List.of(target));
                        }
                    }));
        }

        /** The linked objects of each owner, with the association's owner column: {@code JOIN association ... WHERE owner IN}. */
        @Override
        public <O, T> Mono<Void> visitManyToMany(ManyToManyRelationship<O, T> relationship) {
            Column<Object> mine = relationship.associationOwnerColumn();
            Map<Object, List<Object>> linked = keyed(relationship);
            return Flux.fromIterable(batches(linked.keySet(), session.loadBatchSize()))
                    .concatMap(batch -> session.query(relationship.target(), mine)
                            .join(
                                    relationship.association(),
                                    relationship.targetKey().eq(relationship.associationTargetColumn()))
                            .filter(mine.in(batch))
                            .orderBy(mine, relationship.orderBy())
                            .readOnly(readOnly)
                            .all(false))
                    .doOnNext(row -> add(linked, row.second(), row.first()))
                    .then(fill(relationship, linked));
        }

        /** An empty list per owner with a key, by key, in the owners' order. */
        private Map<Object, List<Object>> keyed(Relationship<?, ?> relationship) {
            EntityModel<?> model = EntityModel.of(relationship.owner());
            Map<Object, List<Object>> lists = new LinkedHashMap<>();
            for (Object owner : owners) {
                Object id = model.keyOf(owner);
                if (id != null) {
                    lists.put(id, new ArrayList<>());
                }
            }
            return lists;
        }

        private static void add(Map<Object, List<Object>> lists, @Nullable Object key, @Nullable Object object) {
            List<Object> list = key == null ? null : lists.get(key);
            if (list != null && object != null) {
                list.add(object);
            }
        }

        /** Fills each owner's collection with the objects found for its key (none for an owner without one). */
        private Mono<Void> fill(Relationship<?, ?> relationship, Map<Object, List<Object>> lists) {
            return Mono.fromRunnable(() -> {
                EntityModel<?> model = EntityModel.of(relationship.owner());
                for (Object owner : owners) {
                    Object id = model.keyOf(owner);
                    RelationAccess.fill(
                            relationship.holder(owner), id == null ? List.of() : lists.getOrDefault(id, List.of()));
                }
            });
        }
    }

    private static List<List<Object>> batches(Set<Object> keys, int size) {
        List<List<Object>> batches = new ArrayList<>();
        List<Object> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += size) {
            batches.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return batches;
    }
}
