package io.jenkins.plugins.awsbatch.engine.graph;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How many jobs an aggregate stage runs: a fixed number ({@code count: 3}), an expression of the item count
 * ({@code count: "ceil(items / 1000)"}), or one per distinct partition key the named stage wrote
 * ({@code count: {partitionsFrom: rank}}).
 */
public record CountSpec(Integer fixed, String expression, String partitionsFrom) {

    /** {@code 3}, {@code "ceil(items / 1000)"} or {@code {partitionsFrom: STAGE}} (also {@code {fixed: 3}}). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CountSpec of(Object value) {
        if (value instanceof Number n) {
            return new CountSpec(n.intValue(), null, null);
        }
        if (value instanceof java.util.Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!java.util.Set.of("fixed", "expression", "partitionsFrom").contains(String.valueOf(key))) {
                    throw new IllegalArgumentException("unknown count field '" + key
                            + "'; use partitionsFrom, expression or fixed");
                }
            }
            Object fixed = map.get("fixed");
            return new CountSpec(fixed instanceof Number n ? n.intValue() : null,
                    map.get("expression") == null ? null : String.valueOf(map.get("expression")),
                    map.get("partitionsFrom") == null ? null : String.valueOf(map.get("partitionsFrom")));
        }
        return new CountSpec(null, String.valueOf(value).trim(), null);
    }

    public static CountSpec fixed(int n) {
        return new CountSpec(n, null, null);
    }

    /** Known only after the stages before it ran. Derived: not written to a run's journal (its reader refuses it). */
    @JsonIgnore
    public boolean isVariable() {
        return partitionsFrom != null;
    }
}
