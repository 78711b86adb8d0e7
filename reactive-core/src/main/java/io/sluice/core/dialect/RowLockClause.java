package io.sluice.core.dialect;

import io.sluice.core.sql.RowLock;
import java.util.List;

/**
 * How a dialect writes the row locks of a select ({@code FOR UPDATE}, {@code FOR SHARE}, {@code NOWAIT}, {@code SKIP
 * LOCKED}, {@code OF}). A database that cannot take a lock as asked throws {@link UnsupportedOperationException} naming
 * what to use instead, before anything is sent.
 */
@FunctionalInterface
public interface RowLockClause {

    /** PostgreSQL's: {@code FOR UPDATE|FOR SHARE [OF t, ...] [NOWAIT|SKIP LOCKED]}. */
    RowLockClause STANDARD = (lock, tables) -> {
        StringBuilder sql =
                new StringBuilder(lock.strength() == RowLock.Strength.UPDATE ? " FOR UPDATE" : " FOR SHARE");
        if (!tables.isEmpty()) {
            sql.append(" OF ").append(String.join(", ", tables));
        }
        return sql.append(waitClause(lock)).toString();
    };

    /**
     * Returns the clause, starting with a space.
     *
     * @param lock the locks
     * @param tables the quoted names of the tables in {@link RowLock#of()}
     * @return the SQL
     * @throws UnsupportedOperationException if the database cannot take these locks
     */
    String render(RowLock lock, List<String> tables);

    /**
     * Returns {@code " NOWAIT"}, {@code " SKIP LOCKED"} or nothing.
     *
     * @param lock the locks
     * @return the SQL
     */
    static String waitClause(RowLock lock) {
        return switch (lock.waitPolicy()) {
            case NOWAIT -> " NOWAIT";
            case SKIP_LOCKED -> " SKIP LOCKED";
            case WAIT -> "";
        };
    }
}
