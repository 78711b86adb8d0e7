package io.sluice.session;

import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.Relationship;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @SuppressWarnings("unchecked")
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
            if (relationship.kind() == Relationship.Kind.MANY_TO_MANY) {
                return manyToMany(session, mine, relationship, readOnly);
            }
            Attribute<Object, Object> foreignKey = (Attribute<Object, Object>) relationship.foreignKey();
            if (relationship.kind() == Relationship.Kind.ONE_TO_MANY) {
                EntityModel<Object> ownerModel = (EntityModel<Object>) EntityModel.of(relationship.owner());
                Map<Object, List<Object>> children = new HashMap<>();
                Set<Object> keys = new LinkedHashSet<>();
                for (Object owner : mine) {
                    Object id = ownerModel.identity(owner);
                    if (id != null) {
                        keys.add(id);
                        children.put(id, new ArrayList<>());
                    }
                }
                return Flux.fromIterable(batches(keys, session.loadBatchSize()))
                        .concatMap(batch -> session.query((Class<Object>) relationship.target())
                                .filter(foreignKey.in(batch))
                                .orderBy(foreignKey, relationship.orderBy())
                                .readOnly(readOnly)
                                .all(false))
                        .doOnNext(child -> {
                            List<Object> list = children.get(foreignKey.get(child));
                            if (list != null) {
                                list.add(child);
                            }
                        })
                        .then(Mono.fromRunnable(() -> {
                            for (Object owner : mine) {
                                Object id = ownerModel.identity(owner);
                                RelationAccess.fill(
                                        relationship.holder(owner),
                                        id == null ? List.of() : children.getOrDefault(id, List.of()));
                            }
                        }));
            }
            Attribute<Object, Object> key = (Attribute<Object, Object>) relationship.referencedKey();
            Set<Object> ids = new LinkedHashSet<>();
            for (Object owner : mine) {
                Object id = foreignKey.get(owner);
                if (id != null) {
                    ids.add(id);
                }
            }
            Map<Object, Object> targets = new HashMap<>();
            return Flux.fromIterable(batches(ids, session.loadBatchSize()))
                    .concatMap(batch -> session.query((Class<Object>) relationship.target())
                            .filter(key.in(batch))
                            .readOnly(readOnly)
                            .all(false))
                    .doOnNext(target -> targets.put(key.get(target), target))
                    .then(Mono.fromRunnable(() -> {
                        for (Object owner : mine) {
                            Object id = foreignKey.get(owner);
                            Object target = id == null ? null : targets.get(id);
                            RelationAccess.fill(
                                    relationship.holder(owner), target == null ? List.of() : List.of(target));
                        }
                    }));
        });
    }

    @SuppressWarnings("unchecked")
    private static Mono<Void> manyToMany(
            DefaultSession session, List<Object> owners, Relationship<?, ?> relationship, boolean readOnly) {
        EntityModel<Object> ownerModel = (EntityModel<Object>) EntityModel.of(relationship.owner());
        io.sluice.core.sql.Column<Object> mine =
                (io.sluice.core.sql.Column<Object>) relationship.associationOwnerColumn();
        io.sluice.core.sql.Column<Object> theirs =
                (io.sluice.core.sql.Column<Object>) relationship.associationTargetColumn();
        Attribute<Object, Object> targetKey = (Attribute<Object, Object>)
                EntityModel.of(relationship.target()).ids().get(0);
        Map<Object, List<Object>> linked = new HashMap<>();
        Set<Object> keys = new LinkedHashSet<>();
        for (Object owner : owners) {
            Object id = ownerModel.identity(owner);
            if (id != null) {
                keys.add(id);
                linked.put(id, new ArrayList<>());
            }
        }
        return Flux.fromIterable(batches(keys, session.loadBatchSize()))
                .concatMap(batch -> session.query((Class<Object>) relationship.target(), mine)
                        .join(relationship.association(), targetKey.eq(theirs))
                        .filter(mine.in(batch))
                        .orderBy(mine, relationship.orderBy())
                        .readOnly(readOnly)
                        .all(false))
                .doOnNext(pair -> {
                    List<Object> list = linked.get(pair.second());
                    if (list != null && pair.first() != null) {
                        list.add(pair.first());
                    }
                })
                .then(Mono.fromRunnable(() -> {
                    for (Object owner : owners) {
                        Object id = ownerModel.identity(owner);
                        RelationAccess.fill(
                                relationship.holder(owner),
                                id == null ? List.of() : linked.getOrDefault(id, List.of()));
                    }
                }));
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
