package io.jenkins.plugins.awsbatch.cli.picture;

import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout.Edge;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout.StageLayout;
import io.jenkins.plugins.awsbatch.engine.plan.StageLabels;
import java.util.List;

/** The plan as Graphviz DOT ({@code dot -Tsvg}): a box per stage, an arrow per real dependency. */
public final class PlanDot {
    private PlanDot() {}

    public static String render(GraphLayout layout) {
        StringBuilder out = new StringBuilder("digraph \"" + quoted(layout.name()) + "\" {\n");
        out.append("  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        List<StageLayout> stages = layout.stages();
        for (int i = 0; i < stages.size(); i++) {
            StageLayout stage = stages.get(i);
            StringBuilder label = new StringBuilder(quoted(stage.name()));
            StageLabels.details(stage).forEach(line -> label.append("\\n").append(quoted(line)));
            out.append("  s").append(i).append(" [label=\"").append(label).append("\"];\n");
        }
        for (int i = 0; i < stages.size(); i++) {
            for (Edge edge : stages.get(i).dependsOn()) {
                String style = edge.type().equals("LAST")
                        ? ", style=dashed"
                        : edge.type().equals("N_TO_N") ? ", style=bold" : "";
                out.append("  s")
                        .append(PlanMermaid.indexOf(stages, edge.from()))
                        .append(" -> s")
                        .append(i)
                        .append(" [label=\"")
                        .append(quoted(StageLabels.edge(edge, stages)))
                        .append("\"")
                        .append(style)
                        .append("];\n");
            }
        }
        return out.append("}\n").toString();
    }

    /** Inside a DOT double-quoted string only the quote and the backslash are special. */
    static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
