package io.jenkins.plugins.awsbatch.engine.batch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void knownRefsAreReplacedAndUnknownOnesKeptAsWritten() {
        assertThat(Placeholders.substitute(
                        List.of("a=Ref::a", "Ref::b-Ref::a", "Ref::zz", "Ref::ab"), Map.of("a", "1", "b", "$2")))
                .containsExactly("a=1", "$2-1", "Ref::zz", "Ref::ab");
    }

    @Test
    void longestDefinedNameWinsAndValuesAreNotExpandedAgain() {
        assertThat(Placeholders.substitute("Ref::in-file", Map.of("in", "x", "in-file", "Ref::in")))
                .isEqualTo("Ref::in");
    }
}
