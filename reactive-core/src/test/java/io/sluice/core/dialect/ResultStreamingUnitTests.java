package io.sluice.core.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What each dialect sets so that a result streams. */
final class ResultStreamingUnitTests {

    @Test
    void shouldMakeH2ComputeResultsLazilyAndRestoreItsDefault() {
        ResultStreaming streaming = H2Dialect.INSTANCE.streaming();

        assertThat(streaming.enable()).containsExactly("SET LAZY_QUERY_EXECUTION TRUE");
        assertThat(streaming.restore()).containsExactly("SET LAZY_QUERY_EXECUTION FALSE");
        assertThat(streaming.isDriverOnly()).isFalse();
    }

    @Test
    void shouldLeaveStreamingToTheDriverOnPostgresqlAndMariaDb() {
        assertThat(PostgresDialect.INSTANCE.streaming()).isSameAs(ResultStreaming.DRIVER);
        assertThat(MariaDbDialect.INSTANCE.streaming()).isSameAs(ResultStreaming.DRIVER);
        assertThat(ResultStreaming.DRIVER.isDriverOnly()).isTrue();
    }

    @Test
    void shouldRefuseMissingStatements() {
        assertThatThrownBy(() -> ResultStreaming.of(" ", "SET X FALSE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enable must not be null or blank");
        assertThatThrownBy(() -> new ResultStreaming(List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("restore must not be null");
    }
}
