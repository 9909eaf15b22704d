package io.jenkins.plugins.awsbatch.engine.graph;

import java.util.Locale;

/** Which engine runs a graph's jobs: the embedded local engine or AWS Batch. Written {@code local}/{@code aws}. */
public enum EngineKind {
    LOCAL,
    AWS;

    /** The kind a graph file, a run's state or a host setting names; null for none. */
    public static EngineKind of(String name) {
        return name == null ? null : valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** True when {@code name} names the local engine. */
    public static boolean isLocal(String name) {
        return name != null && LOCAL.id().equals(name.trim().toLowerCase(Locale.ROOT));
    }

    /** How files, states and settings write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
