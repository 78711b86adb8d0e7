package io.sluice.session;

import io.sluice.core.SqlConnection;
import io.sluice.core.sql.Sequence;
import io.sluice.core.sql.SqlType;
import io.sluice.session.internal.EntityState;
import io.sluice.session.internal.FlushPlan;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.Generated;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Gives a table's new objects the keys they need before their INSERT, at the table's turn in a flush: sequence keys (a block
 * per round trip, from the factory's {@link SequenceAllocators}) and time-ordered UUIDs. An assigned key that is still
 * {@code null} fails the flush. Identity keys are left to the INSERT; a table whose key is an identity costs nothing here.
 */
final class FlushKeys {

    private final SequenceAllocators allocators;

    FlushKeys(SequenceAllocators allocators) {
        this.allocators = allocators;
    }

    /**
     * Returns whether a table's new objects may need keys before their INSERT: not when the class's key is an identity.
     *
     * @param pending the table's new objects (all of one class)
     * @return {@code true} if {@link #assign} has work to do
     */
    static boolean needed(List<EntityState<?>> pending) {
        if (pending.isEmpty()) {
            return false;
        }
        List<? extends Attribute<?, ?>> ids = pending.get(0).model().ids();
        return !(ids.size() == 1 && ids.get(0).generation() == Generated.Strategy.IDENTITY);
    }

    /**
     * Sets the missing keys of a table's new objects, recording each in the result so a failed flush puts it back.
     *
     * @param pending the table's new objects (all of one class)
     * @param connection the flush's connection, for sequence round trips
     * @param result the flush's record
     * @return completes when every object has its key; errors with {@link IllegalStateException} naming the class and field
     *     if an assigned key is {@code null}, or with the database's error if a sequence cannot be read
     */
    @SuppressWarnings("unchecked")
    Mono<Void> assign(List<EntityState<?>> pending, SqlConnection connection, FlushResult result) {
        if (!needed(pending)) {
            return Mono.empty();
        }
        List<? extends Attribute<?, ?>> ids = pending.get(0).model().ids();
        Mono<Void> sequences = Mono.empty();
        for (Attribute<?, ?> id : ids) {
            Generated.Strategy strategy = id.generation();
            if (strategy == null) {
                requireAssigned(pending, id);
            } else if (strategy == Generated.Strategy.UUID) {
                for (EntityState<?> state : pending) {
                    if (FlushPlan.value(id, state) == null) {
                        ((Attribute<Object, Object>) id).set(state.entity(), TimeOrderedUuids.next());
                        result.generated(state, id);
                    }
                }
            } else if (strategy == Generated.Strategy.SEQUENCE) {
                sequences = sequences.then(fromSequence(pending, id, connection, result));
            }
        }
        return sequences;
    }

    private static void requireAssigned(List<EntityState<?>> pending, Attribute<?, ?> id) {
        for (EntityState<?> state : pending) {
            if (FlushPlan.value(id, state) == null) {
                throw new IllegalStateException(id.entityType().getName() + "." + id.fieldName()
                        + " is null in a new object, but it is an assigned key (an @Id without @Generated): set it before"
                        + " the object is flushed, or mark the field @Generated to have keys generated");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Mono<Void> fromSequence(
            List<EntityState<?>> pending, Attribute<?, ?> id, SqlConnection connection, FlushResult result) {
        List<EntityState<?>> missing = new ArrayList<>();
        for (EntityState<?> state : pending) {
            if (FlushPlan.value(id, state) == null) {
                missing.add(state);
            }
        }
        if (missing.isEmpty()) {
            return Mono.empty();
        }
        Sequence sequence = java.util.Objects.requireNonNull(id.sequence());
        Attribute<Object, Object> key = (Attribute<Object, Object>) id;
        SqlType.Kind kind = key.type().kind();
        return allocators
                .of(sequence)
                .allocate(missing.size(), connection)
                .doOnNext(keys -> {
                    for (int i = 0; i < keys.length; i++) {
                        key.set(missing.get(i).entity(), typed(keys[i], kind, key));
                        result.generated(missing.get(i), key);
                    }
                })
                .then();
    }

    private static Object typed(long value, SqlType.Kind kind, Attribute<?, ?> key) {
        if (kind == SqlType.Kind.BIGINT) {
            return value;
        }
        long max = kind == SqlType.Kind.SMALLINT ? Short.MAX_VALUE : Integer.MAX_VALUE;
        if (value > max || value < -max - 1) {
            throw new IllegalStateException(
                    "the sequence of " + key.entityType().getSimpleName() + "." + key.fieldName() + " reached " + value
                            + ", which does not fit its " + kind + " field: declare the field as Long");
        }
        return kind == SqlType.Kind.SMALLINT ? (Object) (short) value : (Object) (int) value;
    }
}
