package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TextParametersUnitTests {

    @Test
    void shouldFindNamedParametersOutsideQuotesCommentsAndCasts() {
        String sql =
                "SELECT ':no', \":no\", `:no`, x::int, a\\:b -- :no\n/* :no */ FROM t WHERE a = :first AND b = :second_2 OR c = :first";
        assertThat(TextParameters.names(sql)).containsExactly("first", "second_2");
        StringBuilder rebuilt = new StringBuilder();
        for (TextParameters.Piece piece : TextParameters.parse(sql)) {
            rebuilt.append(piece.parameter() == null ? piece.sql() : "?");
        }
        assertThat(rebuilt.toString())
                .isEqualTo(
                        "SELECT ':no', \":no\", `:no`, x::int, a:b -- :no\n/* :no */ FROM t WHERE a = ? AND b = ? OR c = ?");
    }

    @Test
    void shouldKeepDoubledQuotesInsideLiterals() {
        assertThat(TextParameters.names("SELECT 'it''s :not' WHERE x = :yes")).containsExactly("yes");
    }
}
