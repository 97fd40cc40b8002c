package io.socketmonitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The id map against java.util.HashMap under random puts and removes (the removes shift entries back). */
class LongMapTest {
    @Test
    void behavesLikeAHashMap() {
        Random random = new Random(42);
        LongMap<String> map = new LongMap<>(2);
        Map<Long, String> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // a narrow key range forces collisions, growth and removals inside probe runs
            long key = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(5_000) - 100;
            int op = random.nextInt(10);
            if (op < 5) {
                String v = "v" + i;
                map.put(key, v);
                reference.put(key, v);
            } else if (op < 8) {
                assertThat(map.remove(key)).isEqualTo(reference.remove(key));
            } else {
                assertThat(map.get(key)).isEqualTo(reference.get(key));
            }
            if (i % 50_000 == 0 || random.nextInt(20_000) == 0) { // full and nearly empty clears
                map.clear();
                reference.clear();
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (Map.Entry<Long, String> e : reference.entrySet()) {
            assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(map.isEmpty()).isEqualTo(reference.isEmpty());
    }

    @Test
    void aMapThatGrewForOneLargeBatchShrinksWhenClearedNearlyEmpty() {
        LongMap<String> map = new LongMap<>();
        int small = map.capacity();
        for (long id = 1; id <= 50_000; id++) {
            map.put(id, "open");
        }
        int large = map.capacity();
        map.clear(); // a full table: cleared in place, the next large batch needs it again
        assertThat(map.capacity()).isEqualTo(large);
        assertThat(map.get(7)).isNull();
        map.put(50_001, "a");
        map.put(50_002, "b");
        map.clear(); // nearly empty: back to the first size
        assertThat(map.capacity()).isEqualTo(small);
        assertThat(map.isEmpty()).isTrue();
        for (long id = 60_000; id < 60_100; id++) {
            map.put(id, "again " + id);
        }
        assertThat(map.get(60_042)).isEqualTo("again 60042");
        assertThat(map.get(50_001)).isNull();
        assertThat(map.size()).isEqualTo(100);
    }
}
