package io.sluice.session;

import io.sluice.core.SqlConnection;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.Sequence;
import io.sluice.core.sql.SqlType;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands out the keys of one sequence in blocks ("pooled-lo"): each value {@code v} taken from the sequence, whose increment is
 * the block size, reserves the keys {@code v} to {@code v + increment - 1} for the taker alone. The rest of a block is kept
 * for the next request, by any session of the factory, so most requests need no round trip.
 *
 * <p>Thread-safe without locks: the current block is taken from with compare-and-set, and no lock is held while a new block is
 * fetched. Concurrent requests that find the current block empty each fetch blocks of their own (distinct, since the database
 * hands out each sequence value once); what one leaves over replaces the current block if that has fewer keys left, and is
 * otherwise dropped. Keys are never handed out twice; some are simply never used, as with any sequence.
 */
final class SequenceAllocator {

    /** The keys {@code next} to {@code end - 1}. */
    private record Block(long next, long end) {

        static final Block EMPTY = new Block(0, 0);

        long remaining() {
            return end - next;
        }
    }

    private final Sequence sequence;
    private final Select nextValue;
    private final AtomicReference<Block> current = new AtomicReference<>(Block.EMPTY);
    /** The last value fetched, to catch a sequence whose increment is smaller than the block size. */
    private final AtomicLong lastFetched = new AtomicLong(Long.MIN_VALUE);

    SequenceAllocator(Sequence sequence) {
        this.sequence = sequence;
        this.nextValue = SQL.select(sequence.nextValue());
    }

    /**
     * Emits {@code count} keys, taken from the current block and then from as many new blocks as needed, each fetched with one
     * round trip on the connection.
     *
     * @param count how many keys, at least 1
     * @param connection the connection to fetch new blocks on
     * @return the keys, in the order they were taken; errors with the database's error if a fetch fails
     */
    Mono<long[]> allocate(int count, SqlConnection connection) {
        return Mono.defer(() -> {
            long[] keys = new long[count];
            int taken = take(keys, 0);
            if (taken == count) {
                return Mono.just(keys);
            }
            int increment = sequence.increment();
            long fetches = (count - taken + (long) increment - 1) / increment;
            int[] filled = {taken};
            return Flux.range(0, (int) fetches)
                    .concatMap(ignored -> connection
                            .query(nextValue, row -> java.util.Objects.requireNonNull(row.get(0, SqlType.BIGINT)))
                            .single())
                    .doOnNext(low -> {
                        check(low);
                        long end = low + increment;
                        long next = low;
                        while (filled[0] < count && next < end) {
                            keys[filled[0]++] = next++;
                        }
                        if (next < end) {
                            offer(new Block(next, end));
                        }
                    })
                    .then(Mono.just(keys));
        });
    }

    /**
     * Refuses a value closer than the block size to the one fetched before: the database's sequence then goes up by less than
     * the allocation size, and blocks would overlap those of other programs.
     */
    private void check(long value) {
        long previous = lastFetched.getAndSet(value);
        if (previous != Long.MIN_VALUE && Math.abs(value - previous) < sequence.increment()) {
            throw new IllegalStateException("sequence " + sequence.name() + " handed out " + value + " after "
                    + previous
                    + ", but its keys are allocated in blocks of " + sequence.increment() + ": make the sequence's"
                    + " increment the allocationSize (ALTER SEQUENCE " + sequence.name() + " INCREMENT BY "
                    + sequence.increment() + "), or the allocationSize the sequence's increment");
        }
    }

    /** Takes keys from the current block into {@code keys} from {@code from} on; returns the position after the last taken. */
    private int take(long[] keys, int from) {
        while (true) {
            Block block = java.util.Objects.requireNonNull(current.get());
            long available = block.remaining();
            if (available <= 0) {
                return from;
            }
            int count = (int) Math.min(available, keys.length - from);
            if (current.compareAndSet(block, new Block(block.next + count, block.end))) {
                for (int i = 0; i < count; i++) {
                    keys[from + i] = block.next + i;
                }
                return from + count;
            }
        }
    }

    /** Keeps the rest of a block for later requests, unless the current block has more keys left. */
    private void offer(Block rest) {
        while (true) {
            Block block = java.util.Objects.requireNonNull(current.get());
            if (block.remaining() >= rest.remaining() || current.compareAndSet(block, rest)) {
                return;
            }
        }
    }
}
