package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link Insert} does with a row whose conflict columns match a row already in the table: update that row (an
 * upsert) or leave it (insert-or-ignore). Made by {@link Insert#onConflict(Column[])}; each database writes it its own way
 * (PostgreSQL {@code ON CONFLICT}, MariaDB {@code ON DUPLICATE KEY UPDATE}, H2 {@code MERGE}), and refuses before sending what
 * it cannot do.
 *
 * @param target the columns of a unique key or the primary key whose values decide a conflict (MariaDB takes any unique key of
 *     the table and uses them only for {@link Action#NOTHING})
 * @param action update the existing row or leave it
 * @param set the assignments of the update, whose values may refer to the proposed row with {@link SQL#excluded(Column)}
 * @param where the condition an existing row must meet to be updated, or {@code null}
 */
public record OnConflict(
        List<Column<?>> target,
        Action action,
        List<Assignment> set,
        @Nullable Expression<Boolean> where) {

    /** What to do with a row already in the table. */
    public enum Action {
        /** Update the existing row with {@link OnConflict#set()}. */
        UPDATE,
        /** Leave the existing row as it is; the proposed row is not inserted. */
        NOTHING
    }

    /**
     * Checks and copies the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}, there is no target column, or a do-nothing has assignments
     */
    public OnConflict {
        target = List.copyOf(Assert.requireNonNull(target, "target must not be null"));
        Assert.requireNonNull(action, "action must not be null");
        set = List.copyOf(Assert.requireNonNull(set, "set must not be null"));
        Assert.isTrue(!target.isEmpty(), "onConflict(...) needs the columns of a unique key or of the primary key");
        Assert.isTrue(
                action == Action.UPDATE || (set.isEmpty() && where == null),
                "doNothing() takes no set(...) or where(...)");
    }
}
