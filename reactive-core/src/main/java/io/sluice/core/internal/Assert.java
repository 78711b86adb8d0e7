package io.sluice.core.internal;

import org.jspecify.annotations.Nullable;

/** Eager argument checks that fail with {@link IllegalArgumentException}, in the style of r2dbc-spi's {@code Assert}. */
public final class Assert {

    private Assert() {}

    /**
     * Returns {@code value} if it is not {@code null}.
     *
     * @param value the value to check
     * @param message the message of the exception
     * @param <T> the type of the value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    public static <T> T requireNonNull(@Nullable T value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    /**
     * Checks a condition on an argument.
     *
     * @param condition the condition that must hold
     * @param message the message of the exception
     * @throws IllegalArgumentException if {@code condition} is {@code false}
     */
    public static void isTrue(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Returns {@code value} if it is neither {@code null} nor blank.
     *
     * @param value the value to check
     * @param message the message of the exception
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is {@code null} or blank
     */
    public static String hasText(@Nullable String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }
}
