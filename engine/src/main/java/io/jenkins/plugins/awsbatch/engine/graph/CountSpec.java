package io.jenkins.plugins.awsbatch.engine.graph;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many jobs an aggregate stage runs: a fixed number ({@code count: 3}), an expression of the item count
 * ({@code count: "ceil(items / 1000)"}), or one per distinct partition key the named stage wrote
 * ({@code count: {partitionsFrom: rank}}).
 */
public record CountSpec(Integer fixed, String expression, String partitionsFrom) {

    @JsonCreator
    public CountSpec(@JsonProperty("fixed") Integer fixed, @JsonProperty("expression") String expression,
                     @JsonProperty("partitionsFrom") String partitionsFrom) {
        this.fixed = fixed;
        this.expression = expression;
        this.partitionsFrom = partitionsFrom;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CountSpec of(Object value) {
        if (value instanceof Number n) {
            return new CountSpec(n.intValue(), null, null);
        }
        return new CountSpec(null, String.valueOf(value).trim(), null);
    }

    public static CountSpec fixed(int n) {
        return new CountSpec(n, null, null);
    }

    /** Known only after the stages before it ran. */
    public boolean isVariable() {
        return partitionsFrom != null;
    }
}
