package io.sluice.session;

import io.sluice.core.Engine;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.ScriptedConnectionFactory;
import io.sluice.testing.ScriptedDialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sessions over a {@link ScriptedConnectionFactory}, for unit tests: closed, with their engines, by {@link #close()}. */
final class ScriptedSessions implements AutoCloseable {

    private final ScriptedConnectionFactory database;
    private final List<Engine> engines = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();

    ScriptedSessions(ScriptedConnectionFactory database) {
        this.database = database;
    }

    /** Returns a session factory of a dialect and mapping, over the scripted database. */
    SessionFactory factory(ScriptedDialect dialect, Mapping mapping) {
        Engine engine = dialect.engine(database);
        engines.add(engine);
        return SessionFactory.of(engine, mapping);
    }

    /** Returns a new session of a factory, closed by {@link #close()}. */
    Session open(SessionFactory factory) {
        Session session = factory.open();
        sessions.add(session);
        return session;
    }

    /** Returns a new session of a dialect and mapping, closed by {@link #close()}. */
    Session open(ScriptedDialect dialect, Mapping mapping) {
        return open(factory(dialect, mapping));
    }

    /** Closes the sessions (rolling back what they left open), then the engines. */
    @Override
    public void close() {
        sessions.forEach(session -> session.close().onErrorComplete().block(Duration.ofSeconds(5)));
        engines.forEach(engine -> engine.close().block(Duration.ofSeconds(5)));
    }
}
