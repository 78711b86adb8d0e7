package io.sluice.session.types;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's trigger for {@link DatabaseGeneratedIntegrationTests}: each UPDATE of a ticket bumps its revision. */
public final class BumpRevision implements Trigger {

    private int revision = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, "REVISION")) {
            columns.next();
            revision = columns.getInt("ORDINAL_POSITION") - 1;
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        newRow[revision] = ((Number) oldRow[revision]).intValue() + 1;
    }
}
