package io.sluice.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class IdentityTableUnitTests {

    @Test
    void shouldCompareKeysByIdentityNotEquality() {
        IdentityTable<String> table = new IdentityTable<>();
        String first = new String("same");
        String second = new String("same");
        table.put(first, "first");
        table.put(second, "second");
        assertThat(table.get(first)).isEqualTo("first");
        assertThat(table.get(second)).isEqualTo("second");
        assertThat(table.get("same")).isNull();
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void shouldAgreeWithIdentityHashMapUnderRandomPutsAndRemovesAcrossGrowth() {
        Random random = new Random(42);
        IdentityTable<Integer> table = new IdentityTable<>();
        Map<Object, Integer> expected = new IdentityHashMap<>();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            keys.add(new Object());
        }
        for (int step = 0; step < 60_000; step++) {
            Object key = keys.get(random.nextInt(keys.size()));
            if (random.nextInt(3) == 0) {
                table.remove(key);
                expected.remove(key);
            } else {
                table.put(key, step);
                expected.put(key, step);
            }
        }
        assertThat(table.size()).isEqualTo(expected.size());
        for (Object key : keys) {
            assertThat(table.get(key)).isEqualTo(expected.get(key));
        }
        assertThat(table.values()).containsExactlyInAnyOrderElementsOf(expected.values());
        for (Object key : keys) {
            table.remove(key);
        }
        assertThat(table.size()).isZero();
        assertThat(table.values()).isEmpty();
    }

    @Test
    void shouldForgetEverythingOnClear() {
        IdentityTable<String> table = new IdentityTable<>();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Object key = new Object();
            keys.add(key);
            table.put(key, "v" + i);
        }
        table.clear();
        assertThat(table.size()).isZero();
        assertThat(table.get(keys.get(0))).isNull();
        table.put(keys.get(1), "again");
        assertThat(table.get(keys.get(1))).isEqualTo("again");
    }

    @Test
    void shouldKeepTablesThatStartedEmptyApart() {
        IdentityTable<String> empty = new IdentityTable<>();
        IdentityTable<String> filled = new IdentityTable<>();
        Object key = new Object();
        assertThat(empty.get(key)).isNull();
        empty.remove(key);
        empty.clear();
        assertThat(empty.values()).isEmpty();

        filled.put(key, "filled");
        assertThat(empty.get(key))
                .as("the first entry of one table does not appear in another")
                .isNull();
        assertThat(new IdentityTable<String>().get(key)).isNull();
        empty.put(key, "own");
        assertThat(empty.get(key)).isEqualTo("own");
        assertThat(filled.get(key)).isEqualTo("filled");
    }
}
