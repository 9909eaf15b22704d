package io.jenkins.plugins.awsbatch.engine.plan;

import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout.Edge;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout.StageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words every picture of a plan uses for a stage and a dependency, so text, Mermaid, DOT and SVG agree. */
public final class StageLabels {
    private static final int SHOWN_RANGES = 4;

    private StageLabels() {}

    /** {@code array, upfront}. */
    public static String kind(StageLayout stage) {
        return stage.type().toLowerCase(Locale.ROOT) + ", " + (stage.gated() ? "gated" : "upfront");
    }

    /** {@code 3 array job(s)}, {@code 6 wave(s) of at most 5000}, {@code 1 job}, or why it is not known yet. */
    public static String jobs(StageLayout stage) {
        if (stage.jobs().isEmpty()) {
            return stage.jobsNote() != null ? stage.jobsNote() : "no jobs";
        }
        int count = stage.jobs().size();
        String jobs = stage.waves()
                ? count + " wave(s) of at most " + stage.maxConcurrency() + ", each after the one before"
                : stage.arrayJobs() == count
                        ? count + " array job(s)"
                        : stage.arrayJobs() == 0
                                ? count + " job(s)"
                                : count + " job(s), " + stage.arrayJobs() + " of them arrays";
        return stage.jobsNote() != null ? jobs + " (" + stage.jobsNote() + ")" : jobs;
    }

    /** Item ranges of the first chunks: {@code 0..8333, 8334..16667, … (+5 more)}. */
    public static List<String> ranges(StageLayout stage) {
        List<String> ranges = new ArrayList<>();
        for (Chunk chunk :
                stage.jobs().subList(0, Math.min(SHOWN_RANGES, stage.jobs().size()))) {
            ranges.add(chunk.offset() + ".." + (chunk.offset() + chunk.size() - 1));
        }
        if (stage.jobs().size() > SHOWN_RANGES) {
            ranges.add("… (+" + (stage.jobs().size() - SHOWN_RANGES) + " more)");
        }
        return ranges;
    }

    /** Lines under the stage's name: kind, jobs, ranges, then what limits or orders its children. */
    public static List<String> details(StageLayout stage) {
        List<String> lines = new ArrayList<>();
        lines.add(kind(stage));
        lines.add(jobs(stage));
        if (stage.arrayJobs() > 0) {
            lines.add("items " + String.join(", ", ranges(stage)));
        }
        if (stage.sequential()) {
            lines.add("SEQUENTIAL: child i after child i-1");
        }
        if (stage.maxConcurrency() != null && stage.consumableResource() != null) {
            lines.add("at most " + stage.maxConcurrency() + " running (consumable resource "
                    + stage.consumableResource() + ")");
        }
        if (stage.barrierJobs() > 0) {
            lines.add(stage.barrierJobs() + " barrier job(s): more than 20 dependencies");
        }
        return lines;
    }

    /** {@code N_TO_N}, {@code after all 3 jobs}, {@code always, last}. */
    public static String edge(Edge edge, List<StageLayout> stages) {
        return switch (edge.type()) {
            case "N_TO_N" -> "N_TO_N";
            case "LAST" -> "always, last";
            default -> {
                int jobs = stages.stream()
                        .filter(s -> s.name().equals(edge.from()))
                        .mapToInt(s -> s.jobs().size())
                        .findFirst()
                        .orElse(0);
                yield jobs > 1 ? "after all " + jobs + " jobs" : "after it";
            }
        };
    }
}
