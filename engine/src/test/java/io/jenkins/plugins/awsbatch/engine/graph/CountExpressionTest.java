package io.jenkins.plugins.awsbatch.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CountExpressionTest {
    @Test
    void expressionsOfTheItemCountRoundUpAndNeverGoBelowOne() {
        assertThat(CountExpression.parse("ceil(items / 1000)").evaluate(25_001)).isEqualTo(26);
        assertThat(CountExpression.parse("items / 3").evaluate(10)).isEqualTo(4);
        assertThat(CountExpression.parse("min(items, 5) + 1").evaluate(2)).isEqualTo(3);
        assertThat(CountExpression.parse("max(1, floor(items / 100))").evaluate(0)).isEqualTo(1);
        assertThat(CountExpression.parse("(items - 1) * 2").evaluate(0)).isEqualTo(1);
    }

    @Test
    void unknownWordsAndBadSyntaxAreRejected() {
        assertThatThrownBy(() -> CountExpression.parse("rows / 2")).hasMessageContaining("unknown word 'rows'");
        assertThatThrownBy(() -> CountExpression.parse("items / 0")).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> CountExpression.parse("ceil(items")).hasMessageContaining("expected ')'");
    }
}
