package io.sluice.session;

import org.jspecify.annotations.Nullable;

/** Shows row items the way the tutorial prints them: strings quoted, {@code None} for null. */
final class Rows {

    private Rows() {}

    static String show(@Nullable Object value) {
        if (value == null) {
            return "None";
        }
        return value instanceof String string ? "'" + string + "'" : value.toString();
    }
}
