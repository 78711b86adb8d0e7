package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.function.Function;

/**
 * Converts values between a Java type of the application ({@code Email}, {@code Money}, an enum stored by code) and a type
 * Sluice stores natively ({@code String}, {@code Long}, ...). A column whose type is {@link SqlType#converted converted}
 * binds, reads, compares and creates its DDL through the converter: {@code User_.email.eq(new Email("a@b"))} binds the
 * stored string.
 *
 * <p>{@code NULL} is never given to a converter: a {@code null} Java value is stored as {@code NULL}, and {@code NULL} reads
 * back as {@code null}. A converter must be stateless and safe to call from several threads.
 *
 * @param <J> the application's Java type
 * @param <D> the stored type, one {@link SqlType#forJavaType} knows
 */
public interface Converter<J, D> {

    /**
     * Returns the value stored for a Java value.
     *
     * @param value the Java value, never {@code null}
     * @return the stored value, not {@code null}
     */
    D toDatabase(J value);

    /**
     * Returns the Java value for a stored value.
     *
     * @param value the stored value, never {@code null}
     * @return the Java value, not {@code null}
     */
    J fromDatabase(D value);

    /**
     * Returns a converter made of two functions.
     *
     * @param toDatabase the Java value to the stored value
     * @param fromDatabase the stored value to the Java value
     * @param <J> the application's Java type
     * @param <D> the stored type
     * @return the converter
     * @throws IllegalArgumentException if a function is {@code null}
     */
    static <J, D> Converter<J, D> of(Function<J, D> toDatabase, Function<D, J> fromDatabase) {
        Assert.requireNonNull(toDatabase, "toDatabase must not be null");
        Assert.requireNonNull(fromDatabase, "fromDatabase must not be null");
        return new Converter<>() {
            @Override
            public D toDatabase(J value) {
                return toDatabase.apply(value);
            }

            @Override
            public J fromDatabase(D value) {
                return fromDatabase.apply(value);
            }
        };
    }
}
