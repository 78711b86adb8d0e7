package io.sluice.session;

import org.jspecify.annotations.Nullable;

/**
 * A result row of three items, any of which may be {@code null} (as outer joins give): what {@code session.query(User_.id,
 * User_.name, Address_.emailAddress)} emits.
 *
 * @param first the first item
 * @param second the second item
 * @param third the third item
 * @param <A> the first item's type
 * @param <B> the second item's type
 * @param <C> the third item's type
 */
public record Row3<A, B, C>(
        @Nullable A first, @Nullable B second, @Nullable C third) {

    /** Returns the items as the tutorial prints a row: {@code (1, 'ed', None)}. */
    @Override
    public String toString() {
        return "(" + Rows.show(first) + ", " + Rows.show(second) + ", " + Rows.show(third) + ")";
    }
}
