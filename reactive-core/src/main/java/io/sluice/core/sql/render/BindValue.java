package io.sluice.core.sql.render;

import io.sluice.core.internal.Assert;
import org.jspecify.annotations.Nullable;

/**
 * A value as it is bound to a statement: already converted for the driver, with the class to bind when it is {@code null}.
 *
 * @param value the value, or {@code null}
 * @param type the class the driver binds a {@code null} as
 */
public record BindValue(@Nullable Object value, Class<?> type) {

    /**
     * Checks the type.
     *
     * @throws IllegalArgumentException if {@code type} is {@code null}
     */
    public BindValue {
        Assert.requireNonNull(type, "type must not be null");
    }
}
