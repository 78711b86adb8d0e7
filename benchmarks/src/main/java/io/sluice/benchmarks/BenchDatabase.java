package io.sluice.benchmarks;

import io.r2dbc.spi.ConnectionFactoryOptions;

/**
 * The databases the benchmarks run on, with the little SQL that differs between them: bind markers, how generated keys come
 * back, and how tables are emptied. H2 runs in memory; PostgreSQL and MariaDB are the servers on loopback (override with
 * {@code SLUICE_POSTGRES_URL} and {@code SLUICE_MARIADB_URL}).
 */
public enum BenchDatabase {
    H2("r2dbc:h2:mem:///sluice_bench"),
    POSTGRESQL(env("SLUICE_POSTGRES_URL", "r2dbc:postgresql://postgres@127.0.0.1:5432/test")),
    MARIADB(env("SLUICE_MARIADB_URL", "r2dbc:mariadb://root@127.0.0.1:3306/test"));

    private final String url;

    BenchDatabase(String url) {
        this.url = url;
    }

    /** Returns the R2DBC URL. */
    public String url() {
        return url;
    }

    /** Returns the driver options of the URL, keeping an in-memory H2 database open while the JVM lives. */
    ConnectionFactoryOptions options() {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url);
        if (this == H2) {
            return options.mutate()
                    .option(io.r2dbc.spi.Option.valueOf("options"), "DB_CLOSE_DELAY=-1")
                    .build();
        }
        return options;
    }

    /**
     * Returns the bind marker of a parameter, as Sluice's dialect writes it.
     *
     * @param position the 1-based position
     * @return {@code $n}, or {@code ?} on MariaDB
     */
    public String marker(int position) {
        return this == MARIADB ? "?" : "$" + position;
    }

    /** Returns whether inserts read generated keys with {@code RETURNING} in the SQL (else through the driver). */
    public boolean returning() {
        return this == POSTGRESQL;
    }

    /**
     * Returns JSON text as this database's driver binds it to a JSON column, as Sluice's dialect does: the driver's
     * {@code Json} on PostgreSQL (which refuses a string for {@code jsonb}), UTF-8 bytes on H2 (a string would be stored as a
     * JSON string), the text itself on MariaDB.
     *
     * @param text the JSON text
     * @return the value to bind
     */
    public Object json(String text) {
        return switch (this) {
            case POSTGRESQL -> io.r2dbc.postgresql.codec.Json.of(text);
            case H2 -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case MARIADB -> text;
        };
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
