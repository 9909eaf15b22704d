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
            return new CountSpec(wholeCount(n), null, null);
        }
        if (value instanceof java.util.Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!java.util.Set.of("fixed", "expression", "partitionsFrom").contains(String.valueOf(key))) {
                    throw new IllegalArgumentException(
                            "unknown count field '" + key + "'; use partitionsFrom, expression or fixed");
                }
            }
            Object fixed = map.get("fixed");
            if (fixed != null && !(fixed instanceof Number)) {
                throw new IllegalArgumentException("count.fixed must be a whole number, got '" + fixed + "'");
            }
            return new CountSpec(
                    fixed instanceof Number n ? wholeCount(n) : null,
                    map.get("expression") == null ? null : String.valueOf(map.get("expression")),
                    map.get("partitionsFrom") == null ? null : String.valueOf(map.get("partitionsFrom")));
        }
        return new CountSpec(null, String.valueOf(value).trim(), null);
    }

    /** A number of jobs as written: whole, and within int range (else it would wrap to a different count). */
    private static int wholeCount(Number n) {
        double value = n.doubleValue();
        if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count must be a whole number between 1 and "
                    + io.jenkins.plugins.awsbatch.engine.batch.BatchLimits.MAX_ARRAY_SIZE + ", got " + n);
        }
        return n.intValue();
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
