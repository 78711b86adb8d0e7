package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.sql.Sequence;
import io.sluice.testing.Rows;
import io.sluice.testing.ScriptedConnectionFactory;
import io.sluice.testing.ScriptedDialect;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Blocks of sequence keys: one round trip per block, the rest kept for the next request. */
final class SequenceAllocatorUnitTests {

    private static final String NEXT = "SELECT NEXT VALUE FOR s";

    private final ScriptedConnectionFactory database = new ScriptedConnectionFactory();
    private final Engine engine = ScriptedDialect.H2.engine(database);
    private final SequenceAllocator allocator = new SequenceAllocator(Sequence.of("s", 50));

    @AfterEach
    void close() {
        engine.close().block(Duration.ofSeconds(5));
    }

    private long[] allocate(int count) {
        return engine.connect(connection -> allocator.allocate(count, connection))
                .blockLast(Duration.ofSeconds(5));
    }

    private void answer(long value) {
        database.expect(NEXT).returnRows(Rows.of("v").row(value));
    }

    @Test
    void shouldTakeKeysFromTheCurrentBlockAndFetchOnlyTheBlocksMissing() {
        answer(1);
        assertThat(allocate(3)).containsExactly(1, 2, 3);
        assertThat(allocate(47)).isEqualTo(LongStream.rangeClosed(4, 50).toArray());
        answer(51);
        assertThat(allocate(2)).containsExactly(51, 52);
        answer(101);
        answer(151);
        // 48 keys left in the block, then two blocks more
        assertThat(allocate(148)).isEqualTo(LongStream.rangeClosed(53, 200).toArray());
        database.verify();
        answer(1001);
        // a block fetched by another factory moved the sequence on: this one's next block starts where the sequence is
        assertThat(allocate(1)).containsExactly(1001);
        assertThat(allocate(2)).containsExactly(1002, 1003);
        database.verify();
    }

    @Test
    void shouldRefuseASequenceThatGoesUpByLessThanTheBlockSize() {
        answer(1);
        assertThat(allocate(50)).hasSize(50);
        answer(2);

        assertThatThrownBy(() -> allocate(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sequence s handed out 2 after 1, but its keys are allocated in blocks of 50: make the"
                        + " sequence's increment the allocationSize (ALTER SEQUENCE s INCREMENT BY 50), or the"
                        + " allocationSize the sequence's increment");
    }
}
