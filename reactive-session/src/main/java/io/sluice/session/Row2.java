package io.sluice.session;

import org.jspecify.annotations.Nullable;

/**
 * A result row of two items, either of which may be {@code null} (as outer joins give): what {@code session.query(User_.id,
 * User_.name)} emits.
 *
 * @param first the first item
 * @param second the second item
 * @param <A> the first item's type
 * @param <B> the second item's type
 */
public record Row2<A, B>(@Nullable A first, @Nullable B second) {

    /** Returns the items as the tutorial prints a row: {@code (1, 'ed')}. */
    @Override
    public String toString() {
        return "(" + Rows.show(first) + ", " + Rows.show(second) + ")";
    }
}
