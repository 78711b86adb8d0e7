package io.sluice.examples.web;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.session.mapping.Mapping;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starts and stops the database side of the application without blocking a thread: at startup it creates the tables that
 * are missing (and inserts the demo users, if asked); requests wait for that through {@link #schema()}. At shutdown, after
 * the web server, it closes the engine's pool.
 */
public class SluiceLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SluiceLifecycle.class);
    private static final int CHUNK = 1_000;

    private final Engine engine;
    private final Mono<Void> schema;
    private volatile boolean running;

    /**
     * Creates the lifecycle.
     *
     * @param engine the engine
     * @param mapping the mapped classes, whose tables are created
     * @param demoUsers how many generated users to insert once the tables exist
     */
    public SluiceLifecycle(Engine engine, Mapping mapping, int demoUsers) {
        this.engine = engine;
        this.schema = mapping.metadata()
                .createAll(engine, true)
                .then(insertDemoUsers(engine, mapping, demoUsers))
                .cache();
    }

    /** Inserts generated users with the core's multi-row INSERT, a thousand per statement, one statement at a time. */
    private static Mono<Void> insertDemoUsers(Engine engine, Mapping mapping, int count) {
        Table users = mapping.entity(User.class).table();
        return Flux.range(0, (count + CHUNK - 1) / CHUNK)
                .concatMap(chunk -> {
                    List<List<?>> rows = new ArrayList<>();
                    for (int i = chunk * CHUNK + 1; i <= Math.min(count, (chunk + 1) * CHUNK); i++) {
                        rows.add(List.of("user" + i, "User Number " + i, "u" + i, 1L));
                    }
                    return engine.execute(SQL.insertInto(users)
                            .columns(User_.name, User_.fullname, User_.nickname, User_.version)
                            .rows(rows));
                })
                .then();
    }

    /**
     * Returns what completes once the tables exist: requests wait for it.
     *
     * @return the schema's creation, run once
     */
    public Mono<Void> schema() {
        return schema;
    }

    @Override
    public void start() {
        running = true;
        schema.subscribe(null, error -> LOG.error("could not create the tables on {}", engine.url(), error));
    }

    @Override
    public void stop() {
        stop(() -> {});
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        engine.close().subscribe(null, error -> callback.run(), callback);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it. */
    @Override
    public int getPhase() {
        return 0;
    }
}
