package io.sluice.session.unitofwork;

import io.sluice.core.internal.Assert;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a persistent object in a session: its class and its primary-key value (a list of values for a composite key).
 *
 * @param type the entity class
 * @param id the key value
 */
public record EntityKey(Class<?> type, Object id) {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public EntityKey {
        Assert.requireNonNull(type, "type must not be null");
        Assert.requireNonNull(id, "id must not be null");
    }

    // Written out: the generated record methods dispatch through method handles, measurably slower on the load path.
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof EntityKey key && type == key.type && id.equals(key.id);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + id.hashCode();
    }
}
