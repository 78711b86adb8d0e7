package io.sluice.spring.boot.internal;

import io.sluice.session.SessionFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the mapped tables that do not exist while the context starts ({@code sluice.create-schema=true}, for development).
 * Startup waits for it on the thread that starts the context, as a schema tool would; it is the one place of the starter that
 * waits.
 */
public final class SchemaCreation implements InitializingBean {

    private final SessionFactory sessions;

    public SchemaCreation(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void afterPropertiesSet() {
        sessions.mapping().metadata().createAll(sessions.engine(), true).block();
    }
}
