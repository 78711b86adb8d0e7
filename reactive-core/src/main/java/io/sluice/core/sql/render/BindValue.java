package io.sluice.core.sql.render;

import io.sluice.core.dialect.Dialect;
import io.sluice.core.internal.Assert;
import io.sluice.core.sql.SqlType;
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

    /**
     * Converts a value for the driver as the renderer does for a bind parameter: by its declared SQL type, or by its own class
     * when the type is unknown.
     *
     * @param value the value, or {@code null}
     * @param declared the parameter's SQL type, or {@code null} if it has none
     * @param dialect the dialect whose codec converts the value
     * @return the value to bind
     */
    public static BindValue of(@Nullable Object value, @Nullable SqlType<?> declared, Dialect dialect) {
        SqlType<?> type = declared;
        if (type == null || type.kind() == SqlType.Kind.UNKNOWN) {
            type = value == null ? SqlType.UNKNOWN : SqlType.forJavaType(value.getClass());
        }
        if (value == null) {
            return new BindValue(null, dialect.codec().nullClass(type));
        }
        Object encoded = dialect.codec().toDriver(value, type);
        return new BindValue(encoded, encoded.getClass());
    }
}
