package io.sluice.session;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes version 7 UUIDs (RFC 9562): a 48-bit Unix timestamp in milliseconds, the version and variant bits, a 12-bit counter
 * and 62 random bits. Within this program they increase: the counter starts at a random value below 2048 each millisecond and
 * goes up by one per UUID, and if it runs out the timestamp moves on by a millisecond (RFC 9562, section 6.2, method 1).
 */
final class TimeOrderedUuids {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The timestamp and counter of the last UUID made, as {@code millis << 12 | counter}. */
    private static final AtomicLong LAST = new AtomicLong();

    private TimeOrderedUuids() {}

    /**
     * Returns a new version 7 UUID, greater than every UUID this class made before.
     *
     * @return the UUID
     */
    static UUID next() {
        long now = System.currentTimeMillis() << 12;
        long stamp;
        while (true) {
            long last = LAST.get();
            stamp = now > last ? now | RANDOM.nextInt(2048) : last + 1;
            if (LAST.compareAndSet(last, stamp)) {
                break;
            }
        }
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFF;
        long most = (millis << 16) | 0x7000L | counter;
        long least = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
