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
        assertThat(CountExpression.parse("max(1, floor(items / 100))").evaluate(0))
                .isEqualTo(1);
        assertThat(CountExpression.parse("(items - 1) * 2").evaluate(0)).isEqualTo(1);
    }

    @Test
    void unknownWordsAndBadSyntaxAreRejected() {
        assertThatThrownBy(() -> CountExpression.parse("rows / 2")).hasMessageContaining("unknown word 'rows'");
        assertThatThrownBy(() -> CountExpression.parse("items / 0")).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> CountExpression.parse("ceil(items")).hasMessageContaining("expected ')'");
    }

    @Test
    void theResultMustFitOneAggregateOnceTheItemsAreKnown() {
        assertThat(CountExpression.parse("items * 10").evaluate(1000)).isEqualTo(10_000);
        assertThatThrownBy(() -> CountExpression.parse("items * 10").evaluate(1001))
                .hasMessage("count 'items * 10' is 10010 for 1001 item(s); it must be between 1 and 10000");
        assertThatThrownBy(() -> CountExpression.parse("items * 1000000000000").evaluate(3))
                .hasMessageContaining("3000000000000");
        assertThatThrownBy(() -> CountExpression.parse("items - 100").evaluate(3))
                .hasMessageContaining("is -97 for 3 item(s)");
        assertThatThrownBy(() -> CountExpression.parse("items / (items - 3)").evaluate(3))
                .hasMessageContaining("division by zero");
        assertThat(CountExpression.parse("items - 100").evaluate(0))
                .as("zero items: the aggregate still runs once")
                .isEqualTo(1);
    }

    @Test
    void depthAndLengthAreBoundedSoNoExpressionExhaustsTheStack() {
        String deep = "(".repeat(50_000) + "items" + ")".repeat(50_000);
        assertThatThrownBy(() -> CountExpression.parse(deep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 200");
        String nested = "(".repeat(25) + "items" + ")".repeat(25);
        assertThatThrownBy(() -> CountExpression.parse(nested)).hasMessageContaining("deeper than 20 levels");
        assertThat(CountExpression.parse("(".repeat(10) + "items" + ")".repeat(10))
                        .evaluate(7))
                .isEqualTo(7);
        assertThatThrownBy(() -> CountExpression.parse(" ")).hasMessageContaining("empty");
    }
}
