package io.jenkins.plugins.awsbatch.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private final Chunker chunker = new Chunker();

    @Test
    void moreThanTenThousandItemsSplitIntoNearlyEqualArraysThatCoverEveryItemOnce() {
        List<Chunk> chunks = chunker.split(25_001);
        assertThat(chunks).extracting(Chunk::size).containsExactly(8_334, 8_334, 8_333);
        assertThat(chunks).extracting(Chunk::offset).containsExactly(0L, 8_334L, 16_668L);
    }

    @Test
    void exactlyTenThousandIsOneArrayAndOneMoreIsTwo() {
        assertThat(chunker.split(10_000)).extracting(Chunk::size).containsExactly(10_000);
        assertThat(chunker.split(10_001)).extracting(Chunk::size).containsExactly(5_001, 5_000);
    }

    @Test
    void oneItemIsASingleJobAndZeroIsNothing() {
        assertThat(chunker.split(1))
                .singleElement()
                .satisfies(c -> assertThat(c.isArray()).isFalse());
        assertThat(chunker.split(0)).isEmpty();
    }

    @Test
    void everyChunkOfALargePlanIsAValidArraySize() {
        for (long n : new long[] {2, 9_999, 20_001, 100_000, 123_457}) {
            List<Chunk> chunks = chunker.split(n);
            assertThat(chunks).allSatisfy(c -> assertThat(c.size()).isBetween(2, 10_000));
            assertThat(chunks.stream().mapToLong(Chunk::size).sum()).isEqualTo(n);
        }
    }
}
