package io.jenkins.plugins.awsbatch.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.run.wiring.EngineOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineKindTest {
    @Test
    void kindsAreWrittenLocalAndAwsExactly() {
        assertThat(EngineKind.of("local")).isEqualTo(EngineKind.LOCAL);
        assertThat(EngineKind.of("aws")).isEqualTo(EngineKind.AWS);
        assertThat(EngineKind.of("AWS")).isNull();
        assertThat(EngineKind.of(null)).isNull();
        assertThat(EngineKind.AWS.id()).isEqualTo("aws");
        assertThat(EngineKind.LOCAL.is("local")).isTrue();
    }

    @Test
    void aGraphWithoutAnEngineIsLocalAndAnUnknownOneHasNoKind() {
        GraphBinder binder = new GraphBinder();
        String yaml = "name: g\nplan: {items: {list: [1]}}\nstages: [{name: s, jobDefinition: d}]\n";
        assertThat(binder.parse(yaml, List.of()).engineKind()).isEqualTo(EngineKind.LOCAL);
        assertThat(binder.parse("engine: aws\n" + yaml, List.of()).engineKind()).isEqualTo(EngineKind.AWS);
        assertThat(binder.parse("engine: cloud\n" + yaml, List.of()).engineKind())
                .isNull();
        assertThat(EngineOptions.local().engine()).isEqualTo(EngineKind.LOCAL);
    }
}
