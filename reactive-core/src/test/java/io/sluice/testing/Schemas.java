package io.sluice.testing;

import io.sluice.core.Engine;
import io.sluice.core.schema.Metadata;
import java.time.Duration;

/** Creates test tables afresh (dropping leftovers of an interrupted run first) and drops them afterwards. */
public final class Schemas {

    private Schemas() {}

    /** Drops the tables if they exist, then creates them. */
    public static void recreate(Engine engine, Metadata metadata) {
        metadata.dropAll(engine, true).then(metadata.createAll(engine)).block(Duration.ofSeconds(30));
    }

    /** Drops the tables if they exist. */
    public static void drop(Engine engine, Metadata metadata) {
        metadata.dropAll(engine, true).block(Duration.ofSeconds(30));
    }
}
