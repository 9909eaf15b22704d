package io.jenkins.plugins.awsbatch.engine.batch;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts calls per operation name ({@code SubmitJob}, {@code DescribeJobs}, {@code PutObject}, ...) for the
 * run result's {@code calls}, so the array-not-loop costs are observable. Thread-safe.
 */
public final class CallCounter {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String operation) {
        counts.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public long get(String operation) {
        LongAdder adder = counts.get(operation);
        return adder == null ? 0 : adder.sum();
    }

    /** A sorted copy, operation → count. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
