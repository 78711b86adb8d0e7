package io.sluice.session;

import org.jspecify.annotations.Nullable;

/**
 * A result row of two items, either of which may be {@code null} (as outer joins give).
 *
 * @param t1 the first item
 * @param t2 the second item
 * @param <T1> the first item's type
 * @param <T2> the second item's type
 */
public record Tuple2<T1, T2>(@Nullable T1 t1, @Nullable T2 t2) {

    /** Returns the first item. @return the item, or {@code null} */
    public @Nullable T1 getT1() {
        return t1;
    }

    /** Returns the second item. @return the item, or {@code null} */
    public @Nullable T2 getT2() {
        return t2;
    }

    /** Returns the items as a tuple: {@code (1, 'ed')}. */
    @Override
    public String toString() {
        return "(" + Tuples.show(t1) + ", " + Tuples.show(t2) + ")";
    }
}
