package io.jenkins.plugins.awsbatch.engine.graph;

import java.util.List;

/**
 * Where the plan's items come from: exactly one of {@code list} (inline), {@code file} (.json, .jsonl, .csv,
 * .xlsx; relative to the graph file) or {@code s3} (a listing of s3://bucket/prefix/). {@code key} names the
 * field that identifies an item in reports; {@code sheet} picks an Excel sheet (default: the first).
 */
public record ItemSourceSpec(List<Object> list, String file, String s3, String sheet, String key) {
    public ItemSourceSpec {
        list = list == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }
}
