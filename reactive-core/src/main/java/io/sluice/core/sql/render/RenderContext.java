package io.sluice.core.sql.render;

import io.sluice.core.dialect.Dialect;
import io.sluice.core.sql.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The state of one rendering: the SQL built so far, the binds in marker order, and the generated keys asked for. */
final class RenderContext {

    final Dialect dialect;
    final StringBuilder sql = new StringBuilder(128);
    private final List<BindValue> binds;
    private final List<String> generatedKeys = new ArrayList<>();

    RenderContext(Dialect dialect) {
        this(dialect, new ArrayList<>());
    }

    private RenderContext(Dialect dialect, List<BindValue> binds) {
        this.dialect = dialect;
        this.binds = binds;
    }

    /** The common table expressions of the statement or subquery being written, or {@code null} outside one. */
    @Nullable
    CteScope scope;

    /** Returns where the text and the binds stand now, to go back to with {@link #reset(int[])}. */
    int[] mark() {
        return new int[] {sql.length(), binds.size()};
    }

    /** Drops the text and the binds written since the mark. */
    void reset(int[] mark) {
        sql.setLength(mark[0]);
        binds.subList(mark[1], binds.size()).clear();
    }

    RenderContext append(String text) {
        sql.append(text);
        return this;
    }

    RenderContext identifier(String name) {
        sql.append(dialect.quote(name));
        return this;
    }

    /** Appends a bind marker for a value, converting the value for the driver. */
    void bind(@Nullable Object value, @Nullable SqlType<?> declared) {
        binds.add(BindValue.of(value, declared, dialect));
        if (declared == null) {
            dialect.appendBindMarker(sql, binds.size());
        } else {
            dialect.appendBindMarker(sql, binds.size(), declared);
        }
    }

    /** Returns the marker of a new bind without appending it, for clauses the dialect writes itself. */
    String bindMarker(Object value, SqlType<?> type) {
        binds.add(BindValue.of(value, type, dialect));
        StringBuilder marker = new StringBuilder();
        dialect.appendBindMarker(marker, binds.size(), type);
        return marker.toString();
    }

    /** Returns a context that writes into its own text but shares this one's binds, for pieces a dialect wraps. */
    RenderContext nested() {
        RenderContext nested = new RenderContext(dialect, binds);
        nested.scope = scope;
        return nested;
    }

    /** Returns the text written so far and starts afresh. */
    String take() {
        String text = sql.toString();
        sql.setLength(0);
        return text;
    }

    void generatedKey(String column) {
        generatedKeys.add(column);
    }

    RenderedSql result() {
        return new RenderedSql(sql.toString(), binds, generatedKeys);
    }
}
