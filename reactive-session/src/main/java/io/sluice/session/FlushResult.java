package io.sluice.session;

import io.sluice.session.internal.EntityState;
import io.sluice.session.mapping.Attribute;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the steps of one flush did so far, to be finalized when all succeed or undone when one fails. */
final class FlushResult {

    final List<EntityState<?>> inserted = new ArrayList<>();
    final List<EntityState<?>> updated = new ArrayList<>();
    final List<EntityState<?>> deleted = new ArrayList<>();
    /** The objects given a generated key by this flush, each once, and the key's attribute at the same position. */
    final List<EntityState<?>> generated = new ArrayList<>();

    final List<Attribute<?, ?>> generatedKeys = new ArrayList<>();
    final Map<EntityState<?>, @Nullable Object> previousVersions = new IdentityHashMap<>();
    /** The objects given values the database set, the attributes, and the values they replaced, at the same positions. */
    final List<EntityState<?>> readBack = new ArrayList<>();

    final List<Attribute<?, ?>> readBackAttributes = new ArrayList<>();
    final List<@Nullable Object> readBackPrevious = new ArrayList<>();

    void inserted(EntityState<?> state) {
        inserted.add(state);
    }

    void updated(EntityState<?> state) {
        updated.add(state);
    }

    void deleted(EntityState<?> state) {
        deleted.add(state);
    }

    void generated(EntityState<?> state, Attribute<?, ?> key) {
        generated.add(state);
        generatedKeys.add(key);
    }

    void readBack(EntityState<?> state, Attribute<?, ?> attribute, @Nullable Object previous) {
        readBack.add(state);
        readBackAttributes.add(attribute);
        readBackPrevious.add(previous);
    }

    void versionChanged(EntityState<?> state, @Nullable Object previous) {
        previousVersions.putIfAbsent(state, previous);
    }
}
