package io.sluice.session.unitofwork;

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
    final Map<EntityState<?>, Attribute<?, ?>> generated = new IdentityHashMap<>();
    final Map<EntityState<?>, @Nullable Object> previousVersions = new IdentityHashMap<>();

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
        generated.put(state, key);
    }

    void versionChanged(EntityState<?> state, @Nullable Object previous) {
        previousVersions.putIfAbsent(state, previous);
    }
}
