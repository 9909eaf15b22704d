package io.jenkins.plugins.awsbatch.engine.run.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexRangesTest {
    @Test
    void consecutiveIndexesCompressToRanges() {
        assertThat(IndexRanges.format(List.of(10L, 1L, 2L, 3L, 7L, 9L))).isEqualTo("1-3, 7, 9-10");
        assertThat(IndexRanges.format(List.of())).isEmpty();
    }

    @Test
    void tenThousandScatteredFailuresStayOneShortLine() {
        List<Long> scattered = new ArrayList<>();
        for (long i = 0; i < 20_000; i += 2) {
            scattered.add(i);
        }
        String line = IndexRanges.format(scattered, 20);
        assertThat(line).startsWith("0, 2, 4").endsWith(", ... (9980 more)");
        assertThat(line.length()).isLessThan(200);
    }
}
