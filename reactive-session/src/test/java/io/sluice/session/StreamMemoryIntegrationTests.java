package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import reactor.core.publisher.Flux;

/**
 * Streams 1,000,000 rows through a mapped entity in a JVM of 64 MB heap: the Surefire execution {@code stream-memory} of this
 * module runs this class alone with {@code -Xmx64m}. The rows, as entities, would take several times that heap; the stream
 * completes only if neither Sluice nor the driver holds on to them. H2 runs from a file here, since an in-memory table of a
 * million rows would itself fill the heap. This is a memory check, not a timing: the elapsed time is printed, not asserted.
 */
@Tag("memory")
final class StreamMemoryIntegrationTests {

    static final long ROWS = 1_000_000;
    static final long CHUNK = 100_000;
    static final long MAX_HEAP = 64L * 1024 * 1024;
    static final Duration WAIT = Duration.ofMinutes(2);
    static final Path H2_FILES = Path.of("target", "stream-memory");

    private Engine engine = TestDatabase.H2.engine();
    private boolean ownEngine;

    @AfterEach
    void cleanUp() throws IOException {
        Schemas.drop(engine, StreamIntegrationTests.MAPPING.metadata());
        if (ownEngine) {
            engine.close().block(WAIT);
            if (Files.exists(H2_FILES)) {
                try (Stream<Path> files = Files.walk(H2_FILES)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    private Engine engineFor(TestDatabase database) {
        if (database == TestDatabase.H2) {
            database.engine(); // fails or skips the test as for the other databases
            ownEngine = true;
            return Engine.builder("r2dbc:h2:file:///./"
                            + H2_FILES.resolve("sluice").toString().replace('\\', '/'))
                    .build();
        }
        return database.engine();
    }

    /** Inserts the rows with INSERT ... SELECT from the database's series of numbers, a chunk per statement. */
    private void fill(TestDatabase database) {
        String series = switch (database) {
            case H2 -> "SELECT X, CONCAT('row-', X), MOD(X, 100), CONCAT('note ', X) FROM SYSTEM_RANGE(:low, :high)";
            case POSTGRESQL -> "SELECT g, 'row-' || g, g % 100, 'note ' || g FROM generate_series(:low, :high) AS g";
            case MARIADB ->
                "SELECT seq, CONCAT('row-', seq), seq % 100, CONCAT('note ', seq) FROM seq_1_to_1000000"
                        + " WHERE seq BETWEEN :low AND :high";
        };
        Flux.range(0, (int) (ROWS / CHUNK))
                .concatMap(chunk ->
                        engine.execute(SQL.text("INSERT INTO sluice_stream_rows (id, name, quantity, note) " + series)
                                .bind("low", chunk * CHUNK + 1)
                                .bind("high", (chunk + 1) * CHUNK)))
                .blockLast(WAIT);
    }

    @DatabaseTest
    void shouldStreamAMillionEntitiesInBoundedMemory(TestDatabase database) {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("run with -Xmx64m, as the stream-memory Surefire execution does")
                .isLessThanOrEqualTo(MAX_HEAP);
        engine = engineFor(database);
        Schemas.recreate(engine, StreamIntegrationTests.MAPPING.metadata());
        fill(database);
        SessionFactory sessions = SessionFactory.of(engine, StreamIntegrationTests.MAPPING);
        HeapWatch heap = new HeapWatch();
        long[] next = {1};
        long started = System.nanoTime();

        Long quantities = sessions.inTransaction(
                        session -> session.query(StreamRow.class).orderBy(StreamRow_.id).stream())
                .doOnNext(row -> {
                    assertThat(row.getId()).isEqualTo(next[0]);
                    next[0]++;
                    if (row.getId() % 50_000 == 0) {
                        heap.sample();
                    }
                })
                .reduce(0L, (sum, row) -> sum + row.getQuantity())
                .block(WAIT);

        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(next[0] - 1).isEqualTo(ROWS);
        assertThat(quantities).isEqualTo(ROWS / 100 * (99 * 100 / 2));
        System.out.printf(
                "stream-memory %s: %,d rows in %,d ms, -Xmx %d MB, peak heap used %.1f MB, largest live heap after GC %.1f MB%n",
                database,
                ROWS,
                elapsed,
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                heap.peakUsed() / 1048576.0,
                heap.liveAfterGc() / 1048576.0);
    }

    /** The heap's peak use since it was made, and the largest heap left after a collection among the samples. */
    private static final class HeapWatch {

        private long liveAfterGc;

        HeapWatch() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
        }

        void sample() {
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
                live += afterGc == null ? 0 : afterGc.getUsed();
            }
            liveAfterGc = Math.max(liveAfterGc, live);
        }

        long peakUsed() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return peak;
        }

        long liveAfterGc() {
            return liveAfterGc;
        }
    }
}
