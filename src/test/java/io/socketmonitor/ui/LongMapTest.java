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
            if (i % 50_000 == 0) {
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
}
