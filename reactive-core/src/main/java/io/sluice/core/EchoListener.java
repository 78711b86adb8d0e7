package io.sluice.core;

import io.sluice.core.sql.render.RenderedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every statement and its bind values at INFO on the logger {@code io.sluice.engine}, as SQLAlchemy's echo does. */
final class EchoListener implements StatementListener {

    static final String LOGGER = "io.sluice.engine";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public void beforeExecute(RenderedSql sql) {
        if (sql.binds().isEmpty()) {
            log.info("{}", sql.sql());
        } else {
            log.info("{}\n[parameters: {}]", sql.sql(), sql.values());
        }
    }

    @Override
    public void onTransaction(String command) {
        log.info("{}", command);
    }
}
