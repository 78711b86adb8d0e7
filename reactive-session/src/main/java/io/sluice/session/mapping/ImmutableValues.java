package io.sluice.session.mapping;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which converted fields hold values that cannot change in place, so that the session may keep the values themselves as
 * snapshots and compare them with {@code equals} (no conversion at load or dirty check): a {@code @Json(immutable = true)}
 * field, or a field whose type is immutable by construction: strings, boxed primitives, {@code BigDecimal}, {@code
 * BigInteger}, enums, {@code UUID}, the {@code java.time} value classes, and records whose components are all such types.
 */
final class ImmutableValues {

    private ImmutableValues() {}

    /** Whether a converted field's values are immutable. */
    static boolean holdsImmutable(Field field) {
        Json json = field.getAnnotation(Json.class);
        return (json != null && json.immutable()) || isImmutable(field.getType(), new HashSet<>());
    }

    private static boolean isImmutable(Class<?> type, Set<Class<?>> seen) {
        if (type.isPrimitive()
                || type == String.class
                || type == Boolean.class
                || type == Character.class
                || type == Byte.class
                || type == Short.class
                || type == Integer.class
                || type == Long.class
                || type == Float.class
                || type == Double.class
                || type == BigDecimal.class
                || type == BigInteger.class
                || type == UUID.class
                || type.isEnum()) {
            return true;
        }
        if (type.getName().startsWith("java.time.")
                && (TemporalAccessor.class.isAssignableFrom(type)
                        || type == java.time.Duration.class
                        || type == java.time.Period.class)) {
            return true;
        }
        if (type.isRecord()) {
            if (!seen.add(type)) {
                return true; // a cycle: decided by the other components
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (!isImmutable(component.getType(), seen)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
