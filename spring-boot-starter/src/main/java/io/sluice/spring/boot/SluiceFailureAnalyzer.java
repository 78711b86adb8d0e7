package io.sluice.spring.boot;

import io.sluice.core.ConnectException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a Sluice misconfiguration at startup: what is wrong and what to set. */
final class SluiceFailureAnalyzer extends AbstractFailureAnalyzer<SluiceConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SluiceConfigurationException cause) {
        return new FailureAnalysis("Sluice could not be configured: " + cause.description(), cause.action(), cause);
    }

    /** Explains a database that cannot be reached at startup (schema creation, a health check run early). */
    static final class Unreachable extends AbstractFailureAnalyzer<ConnectException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, ConnectException cause) {
            return new FailureAnalysis(
                    "Sluice could not reach the database: " + cause.getMessage(),
                    "Check that the database is running and that spring.r2dbc.url (or sluice.url), username and password"
                            + " name it; set sluice.create-schema=false to start without it",
                    cause);
        }
    }
}
