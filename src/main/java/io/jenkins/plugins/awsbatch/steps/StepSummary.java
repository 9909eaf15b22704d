package io.jenkins.plugins.awsbatch.steps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The short label of a step in Pipeline views (Pipeline Graph View, Blue Ocean), from its named arguments: its
 * file or name, its run, its stages and how many items. Never a graph's inline text, a command or an
 * environment; at most {@link #MAX_LENGTH} characters. Raw text: the views escape it.
 */
public final class StepSummary {
    static final int MAX_LENGTH = 80;

    private StepSummary() {}

    /** @return the label, or null when the arguments name nothing worth showing */
    public static String of(Map<String, Object> namedArgs) {
        if (namedArgs == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        add(parts, namedArgs.get("file"));
        add(parts, namedArgs.get("name"));
        add(parts, namedArgs.get("jobDefinition"));
        String run = text(namedArgs.get("runId"));
        if (run == null) {
            run = runIdOf(namedArgs.get("plan"));
        }
        if (run == null) {
            run = runIdOf(namedArgs.get("after"));
        }
        if (run != null) {
            parts.add("run " + run);
        }
        if (namedArgs.get("stages") instanceof Collection<?> stages) {
            List<String> names = new ArrayList<>();
            for (Object s : stages) {
                if (s instanceof Map<?, ?> m && text(m.get("name")) != null) {
                    names.add(text(m.get("name")));
                }
            }
            if (!names.isEmpty()) {
                parts.add(String.join(" → ", names));
            }
        }
        Object items = namedArgs.get("items");
        if (items instanceof Collection<?> list) {
            parts.add(list.size() + (list.size() == 1 ? " item" : " items"));
        } else if (items instanceof Map<?, ?> m) {
            add(parts, m.get("file"));
            add(parts, m.get("s3"));
        }
        if (parts.isEmpty()) {
            return null;
        }
        String label = String.join(" ", parts);
        return label.length() <= MAX_LENGTH ? label : label.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String runIdOf(Object o) {
        return o instanceof Map<?, ?> m ? text(m.get("runId")) : null;
    }

    private static void add(List<String> parts, Object value) {
        String t = text(value);
        if (t != null) {
            parts.add(t);
        }
    }

    private static String text(Object o) {
        if (!(o instanceof CharSequence) || o.toString().isBlank()) {
            return null;
        }
        return o.toString().replaceAll("\\s+", " ").trim();
    }
}
