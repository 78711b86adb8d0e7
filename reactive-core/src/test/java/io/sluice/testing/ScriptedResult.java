package io.sluice.testing;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** The result of a scripted statement: its segments (rows, an update count), served on demand. */
final class ScriptedResult implements Result {

    private final List<Segment> segments;

    private ScriptedResult(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** A result of rows only, as a query gives. */
    static ScriptedResult rows(Rows rows) {
        return new ScriptedResult(rowSegments(rows));
    }

    /** A result of rows followed by their count, as an INSERT that returns generated values gives. */
    static ScriptedResult generated(Rows keys) {
        List<Segment> segments = new ArrayList<>(rowSegments(keys));
        segments.add(new Count(keys.size()));
        return new ScriptedResult(segments);
    }

    /** A result of an update count only. */
    static ScriptedResult updateCount(long count) {
        return new ScriptedResult(List.of(new Count(count)));
    }

    private static List<Segment> rowSegments(Rows rows) {
        return rows.toRows().stream().<Segment>map(RowOf::new).toList();
    }

    @Override
    public Publisher<Long> getRowsUpdated() {
        return Flux.fromIterable(segments)
                .filter(UpdateCount.class::isInstance)
                .map(segment -> ((UpdateCount) segment).value());
    }

    @Override
    public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mapping) {
        return Flux.fromIterable(segments)
                .filter(RowSegment.class::isInstance)
                .map(segment -> ((RowSegment) segment).row())
                .map(row -> mapping.apply(row, row.getMetadata()));
    }

    @Override
    public <T> Publisher<T> map(Function<? super Readable, ? extends T> mapping) {
        return map((row, metadata) -> mapping.apply(row));
    }

    @Override
    public Result filter(Predicate<Segment> filter) {
        return new ScriptedResult(segments.stream().filter(filter).toList());
    }

    @Override
    public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mapping) {
        return Flux.fromIterable(segments).concatMap(mapping);
    }

    @Override
    public String toString() {
        return "Result" + segments;
    }

    /** A row of the result. */
    private record RowOf(Row row) implements RowSegment {}

    /** The number of rows a statement changed. */
    private record Count(long value) implements UpdateCount {}
}
