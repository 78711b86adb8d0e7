package io.sluice.core.dialect;

import io.sluice.core.internal.Assert;
import java.util.Locale;

/** Finds the dialect for an R2DBC driver name or a database product name. */
public final class Dialects {

    private Dialects() {}

    /**
     * Returns the dialect for an R2DBC driver name ({@code h2}, {@code postgresql}, {@code mariadb}, {@code mysql}) or a product
     * name from {@code ConnectionFactoryMetadata} ({@code H2}, {@code PostgreSQL}, {@code MariaDB}, {@code MySQL}).
     *
     * @param name the driver or product name
     * @return the dialect
     * @throws IllegalArgumentException if no dialect fits
     */
    public static Dialect forName(String name) {
        Assert.requireNonNull(name, "name must not be null");
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("h2")) {
            return H2Dialect.INSTANCE;
        } else if (key.startsWith("postgres") || key.equals("pgsql")) {
            return PostgresDialect.INSTANCE;
        } else if (key.startsWith("mariadb") || key.startsWith("mysql")) {
            return MariaDbDialect.INSTANCE;
        }
        throw new IllegalArgumentException(
                "no Sluice dialect for database '" + name
                        + "'; supported are H2 (r2dbc:h2:...), PostgreSQL (r2dbc:postgresql:...) and MariaDB/MySQL (r2dbc:mariadb:...)");
    }
}
