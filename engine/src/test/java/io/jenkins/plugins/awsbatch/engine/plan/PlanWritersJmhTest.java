package io.jenkins.plugins.awsbatch.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PlanWritersJmhBenchmark} from Maven ({@code -Dtest=PlanWritersJmhTest -DexcludedTestGroups=none}; item
 * counts in {@code bench.jmhItems}, default 10000,100000). Excluded from the default build.
 */
@Tag("benchmark")
class PlanWritersJmhTest {
    @Test
    void planWriters() throws Exception {
        var results = new Runner(new OptionsBuilder()
                        .include(PlanWritersJmhBenchmark.class.getName() + "\\.")
                        .param(
                                "items",
                                System.getProperty("bench.jmhItems", "10000,100000")
                                        .split(","))
                        .build())
                .run();
        assertThat(results).isNotEmpty();
    }
}
