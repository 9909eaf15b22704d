package io.jenkins.plugins.awsbatch.engine.graph;

import java.util.Locale;

/** Which engine runs a graph: the embedded local engine or AWS Batch. Written {@code local}/{@code aws}. */
public enum EngineKind {
    LOCAL,
    AWS;

    /** As the graph file, options and journal write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written {@code id} ({@code local} or {@code aws}, exactly); null for null or anything else. */
    public static EngineKind of(String id) {
        for (EngineKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        return null;
    }

    /** True when {@code id} names this kind. */
    public boolean is(String id) {
        return this == of(id);
    }

    /** True when a host setting names the local engine (as an administrator may type it: any case, spaces). */
    public static boolean isLocal(String name) {
        return name != null && LOCAL.id().equals(name.trim().toLowerCase(Locale.ROOT));
    }
}
