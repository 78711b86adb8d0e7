package io.sluice.examples.web;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.session.SessionFactory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Inserts generated users once the application is ready, for trying the export ({@code example.demo-users}, 0 by default):
 * with the core's multi-row INSERT, a thousand rows per statement, one statement at a time, without holding a thread.
 */
@Component
public class DemoUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
    private static final int CHUNK = 1_000;

    private final SessionFactory sessions;
    private final int count;

    /**
     * Creates the inserter.
     *
     * @param sessions the session factory, whose engine and mapping are used
     * @param count how many users to insert
     */
    public DemoUsers(SessionFactory sessions, @Value("${example.demo-users:0}") int count) {
        this.sessions = sessions;
        this.count = count;
    }

    /** Starts the inserts, if any are asked for; the tables exist by then ({@code sluice.create-schema=true}). */
    @EventListener(ApplicationReadyEvent.class)
    public void insert() {
        if (count <= 0) {
            return;
        }
        Engine engine = sessions.engine();
        Table users = sessions.mapping().entity(User.class).table();
        Flux.range(0, (count + CHUNK - 1) / CHUNK)
                .concatMap(chunk -> {
                    List<List<?>> rows = new ArrayList<>();
                    for (int i = chunk * CHUNK + 1; i <= Math.min(count, (chunk + 1) * CHUNK); i++) {
                        rows.add(List.of("user" + i, "User Number " + i, "u" + i, 1L));
                    }
                    return engine.execute(SQL.insertInto(users)
                            .columns(User_.name, User_.fullname, User_.nickname, User_.version)
                            .rows(rows));
                })
                .then()
                .subscribe(
                        null,
                        error -> LOG.error("could not insert the demo users on {}", engine.url(), error),
                        () -> LOG.info("inserted {} demo users", count));
    }
}
