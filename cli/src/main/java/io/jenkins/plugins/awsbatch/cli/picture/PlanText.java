package io.jenkins.plugins.awsbatch.cli.picture;

import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout.StageLayout;
import io.jenkins.plugins.awsbatch.engine.plan.StageLabels;

/** The plan as text: the item count, then one line per stage with its jobs, limits and dependencies. */
public final class PlanText {
    private PlanText() {}

    public static String render(GraphLayout layout) {
        StringBuilder out = new StringBuilder("items: " + layout.items() + "\n");
        for (StageLayout stage : layout.stages()) {
            out.append("stage ")
                    .append(stage.name())
                    .append(" (")
                    .append(StageLabels.kind(stage))
                    .append(")");
            if (!stage.jobs().isEmpty() || stage.jobsNote() != null) {
                out.append(": ").append(StageLabels.jobs(stage));
            }
            if (stage.arrayJobs() > 0) {
                out.append(" ").append(StageLabels.ranges(stage));
            }
            if (stage.maxConcurrency() != null) {
                out.append(
                        stage.consumableResource() != null
                                ? ", at most " + stage.maxConcurrency() + " running (consumable resource "
                                        + stage.consumableResource() + ")"
                                : ", at most " + stage.maxConcurrency() + " running: "
                                        + stage.jobs().size() + " wave(s)");
            }
            if (stage.sequential()) {
                out.append(", SEQUENTIAL");
            }
            if (!stage.dependsOn().isEmpty()) {
                out.append(", after ")
                        .append(stage.dependsOn().stream()
                                .map(e -> e.from() + (e.type().equals("ALL") ? "" : " (" + e.type() + ")"))
                                .toList());
            }
            if (stage.barrierJobs() > 0) {
                out.append(", through ").append(stage.barrierJobs()).append(" barrier job(s)");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
