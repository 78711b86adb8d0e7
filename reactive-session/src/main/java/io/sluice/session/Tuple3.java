package io.sluice.session;

import org.jspecify.annotations.Nullable;

/**
 * A result row of three items, any of which may be {@code null}.
 *
 * @param t1 the first item
 * @param t2 the second item
 * @param t3 the third item
 * @param <T1> the first item's type
 * @param <T2> the second item's type
 * @param <T3> the third item's type
 */
public record Tuple3<T1, T2, T3>(
        @Nullable T1 t1, @Nullable T2 t2, @Nullable T3 t3) {

    /** Returns the first item. @return the item, or {@code null} */
    public @Nullable T1 getT1() {
        return t1;
    }

    /** Returns the second item. @return the item, or {@code null} */
    public @Nullable T2 getT2() {
        return t2;
    }

    /** Returns the third item. @return the item, or {@code null} */
    public @Nullable T3 getT3() {
        return t3;
    }

    /** Returns the items as a tuple: {@code (1, 'ed', None)}. */
    @Override
    public String toString() {
        return "(" + Tuples.show(t1) + ", " + Tuples.show(t2) + ", " + Tuples.show(t3) + ")";
    }
}
