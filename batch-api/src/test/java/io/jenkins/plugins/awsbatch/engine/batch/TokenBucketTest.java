package io.jenkins.plugins.awsbatch.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong();
    private final List<Long> sleeps = new ArrayList<>();
    private final TokenBucket.Sleeper sleeper = nanos -> {
        sleeps.add(nanos);
        now.addAndGet(nanos);
    };

    @Test
    void burstPassesThenCallsArePacedAtTheRate() {
        TokenBucket bucket = new TokenBucket(10, 5, now::get, sleeper);
        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }
        assertThat(sleeps).isEmpty();
        for (int i = 0; i < 20; i++) {
            bucket.acquire();
        }
        // 20 more calls at 10 per second: 100 ms apart, 2 s in all.
        assertThat(sleeps).hasSize(20).allSatisfy(s -> assertThat(s).isEqualTo(100_000_000L));
        assertThat(now.get()).isEqualTo(2_000_000_000L);
        assertThat(bucket.waitedNanos()).isEqualTo(2_000_000_000L);
    }

    @Test
    void idleTimeRefillsUpToTheBurstOnly() {
        TokenBucket bucket = new TokenBucket(2, 3, now::get, sleeper);
        for (int i = 0; i < 3; i++) {
            bucket.acquire();
        }
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            bucket.acquire();
        }
        assertThat(sleeps).isEmpty();
        bucket.acquire();
        assertThat(sleeps).containsExactly(500_000_000L);
    }

    @Test
    void callsInOneSecondNeverExceedRatePlusBurst() {
        TokenBucket bucket = new TokenBucket(10, 10, now::get, sleeper);
        int calls = 0;
        while (now.get() < 1_000_000_000L) {
            bucket.acquire();
            calls++;
        }
        assertThat(calls).isLessThanOrEqualTo(21);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new TokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
