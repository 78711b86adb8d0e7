package io.sluice.testing;

import java.util.Objects;

/**
 * A {@code NULL} bound with {@code Statement.bindNull(index, type)}, as a {@link ScriptedConnectionFactory} records it; also the
 * expected value of a bind that must be a {@code NULL} of exactly that type.
 *
 * @param type the class the statement gave for the {@code NULL}
 */
public record NullBind(Class<?> type) {

    /** Checks the type. */
    public NullBind {
        Objects.requireNonNull(type, "type must not be null");
    }

    /**
     * Returns the {@code NULL} of a type.
     *
     * @param type the class given for the {@code NULL}
     * @return the bind
     */
    public static NullBind of(Class<?> type) {
        return new NullBind(type);
    }

    @Override
    public String toString() {
        return "NULL(" + type.getSimpleName() + ")";
    }
}
