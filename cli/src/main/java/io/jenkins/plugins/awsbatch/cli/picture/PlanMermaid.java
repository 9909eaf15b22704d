package io.jenkins.plugins.awsbatch.cli.picture;

import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout.Edge;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout.StageLayout;
import io.jenkins.plugins.awsbatch.engine.plan.StageLabels;
import java.util.List;

/**
 * The plan as a Mermaid flowchart (GitHub, GitLab and most Markdown viewers draw it): a node per stage
 * ({@code s0, s1, ...}: stage names may hold any character), an arrow per real dependency.
 */
public final class PlanMermaid {
    private PlanMermaid() {}

    public static String render(GraphLayout layout) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        List<StageLayout> stages = layout.stages();
        for (int i = 0; i < stages.size(); i++) {
            StageLayout stage = stages.get(i);
            StringBuilder label = new StringBuilder("<b>" + text(stage.name()) + "</b>");
            StageLabels.details(stage).forEach(line -> label.append("<br/>").append(text(line)));
            out.append("  s").append(i).append("[\"").append(label).append("\"]\n");
        }
        for (int i = 0; i < stages.size(); i++) {
            for (Edge edge : stages.get(i).dependsOn()) {
                int from = indexOf(stages, edge.from());
                String arrow =
                        edge.type().equals("LAST") ? " -.->" : edge.type().equals("N_TO_N") ? " ==>" : " -->";
                out.append("  s")
                        .append(from)
                        .append(arrow)
                        .append("|\"")
                        .append(text(StageLabels.edge(edge, stages)))
                        .append("\"| s")
                        .append(i)
                        .append('\n');
            }
        }
        return out.toString();
    }

    static int indexOf(List<StageLayout> stages, String name) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no stage " + name);
    }

    /** Mermaid reads entity codes in quoted labels: quotes, angle brackets and ampersands become them. */
    static String text(String s) {
        return s.replace("&", "#amp;")
                .replace("\"", "#quot;")
                .replace("<", "#lt;")
                .replace(">", "#gt;")
                .replace("|", "#124;");
    }
}
