package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class TimeOrderedUuidsUnitTests {

    @Test
    void shouldMakeVersion7UuidsWithTheTimeInTheirFirst48Bits() {
        long before = System.currentTimeMillis();
        UUID uuid = TimeOrderedUuids.next();
        long after = System.currentTimeMillis();

        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.getMostSignificantBits() >>> 16).isBetween(before, after + 1);
    }

    @Test
    void shouldIncreaseEvenWithinOneMillisecond() {
        List<UUID> uuids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            uuids.add(TimeOrderedUuids.next());
        }

        assertThat(new HashSet<>(uuids)).hasSize(uuids.size());
        for (int i = 1; i < uuids.size(); i++) {
            assertThat(Long.compareUnsigned(
                            uuids.get(i - 1).getMostSignificantBits(),
                            uuids.get(i).getMostSignificantBits()))
                    .isNegative();
            assertThat(uuids.get(i - 1).toString()).isLessThan(uuids.get(i).toString());
        }
    }
}
