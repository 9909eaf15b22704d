package io.jenkins.plugins.awsbatch.engine.report;

import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout.Edge;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout.StageLayout;
import io.jenkins.plugins.awsbatch.engine.plan.StageLabels;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's graph as inline SVG: a box per stage in columns by dependency depth, coloured by outcome, with a
 * progress bar (succeeded green, failed red) and counts; an arrow per real dependency (N_TO_N bold, the
 * cleanup's "always, last" dashed).
 */
public final class GraphSvg {
    private static final int W = 210;
    private static final int H = 100;
    private static final int GAP_X = 90;
    private static final int GAP_Y = 30;
    private static final int MARGIN = 16;

    private GraphSvg() {}

    /** Outline and fill of a stage's box by status. */
    static String[] colours(StageStatus status) {
        return switch (status) {
            case SUCCEEDED -> new String[] {"#2e7d32", "#e8f5e9"};
            case UNSTABLE -> new String[] {"#ef6c00", "#fff3e0"};
            case FAILED -> new String[] {"#c62828", "#ffebee"};
            case ABORTED -> new String[] {"#6a1b9a", "#f3e5f5"};
            case SUBMITTED -> new String[] {"#1565c0", "#e3f2fd"};
            case SKIPPED -> new String[] {"#757575", "#f5f5f5"};
            case WAITING -> new String[] {"#9e9e9e", "#ffffff"};
        };
    }

    public static String render(RunReport report) {
        GraphLayout layout = report.layout();
        List<StageLayout> stages = layout.stages();
        Map<String, int[]> cell = new HashMap<>(); // stage → {column, row}
        Map<Integer, Integer> rows = new HashMap<>();
        for (StageLayout stage : stages) { // stages come after the stages they depend on
            int column = stage.dependsOn().stream()
                    .mapToInt(e -> cell.getOrDefault(e.from(), new int[] {-1, 0})[0] + 1)
                    .max()
                    .orElse(0);
            int row = rows.merge(column, 1, Integer::sum) - 1;
            cell.put(stage.name(), new int[] {column, row});
        }
        int columns = cell.values().stream().mapToInt(c -> c[0]).max().orElse(0) + 1;
        int maxRows = rows.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int width = MARGIN * 2 + columns * W + (columns - 1) * GAP_X;
        int height = MARGIN * 2 + maxRows * H + (maxRows - 1) * GAP_Y;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" style=\"max-width:100%;height:auto\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append(
                        "\" font-family=\"system-ui, sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"graph of run ")
                .append(Markup.xml(report.state().runId))
                .append("\">\n");
        svg.append(
                "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                        + " orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#546e7a\"/></marker></defs>\n");
        for (StageLayout stage : stages) {
            for (Edge edge : stage.dependsOn()) {
                svg.append(edge(
                        edge,
                        stage.name(),
                        cell.get(edge.from()),
                        cell.get(stage.name()),
                        StageLabels.edge(edge, stages)));
            }
        }
        for (RunReport.StageReport stage : report.stages()) {
            int[] at = cell.get(stage.name());
            svg.append(box(
                    stage,
                    stages.stream()
                            .filter(s -> s.name().equals(stage.name()))
                            .findFirst()
                            .orElseThrow(),
                    x(at[0]),
                    y(at[1])));
        }
        return svg.append("</svg>\n").toString();
    }

    private static int x(int column) {
        return MARGIN + column * (W + GAP_X);
    }

    private static int y(int row) {
        return MARGIN + row * (H + GAP_Y);
    }

    private static String edge(Edge edge, String toStage, int[] from, int[] to, String label) {
        int x1 = x(from[0]) + W;
        int y1 = y(from[1]) + H / 2;
        int x2 = x(to[0]);
        int y2 = y(to[1]) + H / 2;
        int mid = (x1 + x2) / 2;
        // one stroke-width attribute: a repeated attribute is not XML, and the build page parses the SVG as XML
        String style = edge.type().equals("N_TO_N")
                ? " stroke-width=\"3\""
                : edge.type().equals("LAST")
                        ? " stroke-width=\"1.5\" stroke-dasharray=\"6 4\""
                        : " stroke-width=\"1.5\"";
        return "<g class=\"edge\" data-from=\"" + Markup.xml(edge.from()) + "\" data-to=\"" + Markup.xml(toStage)
                + "\" data-type=\""
                + Markup.xml(edge.type()) + "\"><path d=\"M " + x1 + " " + y1 + " C " + mid + " " + y1 + ", " + mid
                + " " + y2 + ", " + x2 + " " + y2
                + "\" fill=\"none\" stroke=\"#546e7a\"" + style + " marker-end=\"url(#arrow)\"/>"
                + "<text x=\"" + mid + "\" y=\"" + ((y1 + y2) / 2 - 6)
                + "\" text-anchor=\"middle\" fill=\"#37474f\" font-size=\"11\""
                + " paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"4\">" + Markup.xml(label) + "</text></g>\n";
    }

    private static String box(RunReport.StageReport stage, StageLayout planned, int x, int y) {
        String[] colour = colours(stage.status());
        StringBuilder g = new StringBuilder("<g class=\"stage\" data-status=\"" + stage.status() + "\">");
        g.append("<title>")
                .append(Markup.xml(stage.name() + ": " + stage.status()
                        + (stage.reason() == null ? "" : " (" + stage.reason() + ")")))
                .append("</title>");
        g.append("<rect x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(W)
                .append("\" height=\"")
                .append(H)
                .append("\" rx=\"8\" fill=\"")
                .append(colour[1])
                .append("\" stroke=\"")
                .append(colour[0])
                .append("\" stroke-width=\"2\"/>");
        g.append(text(x + 10, y + 20, "bold", 14, "#212121", cut(stage.name(), 24)));
        g.append(text(x + 10, y + 37, "normal", 11, colour[0], stage.status() + " · " + StageLabels.kind(planned)));
        int barX = x + 10;
        int barW = W - 20;
        int barY = y + 48;
        if (stage.total() > 0) {
            g.append("<rect x=\"")
                    .append(barX)
                    .append("\" y=\"")
                    .append(barY)
                    .append("\" width=\"")
                    .append(barW)
                    .append("\" height=\"10\" rx=\"3\" fill=\"#eceff1\"/>");
            int ok = (int) (barW * Math.min(stage.succeeded(), stage.total()) / stage.total());
            int bad = stage.failed() > 0
                    ? Math.max(2, (int) (barW * Math.min(stage.failed(), stage.total()) / stage.total()))
                    : 0;
            bad = Math.min(bad, barW - ok);
            g.append("<rect x=\"")
                    .append(barX)
                    .append("\" y=\"")
                    .append(barY)
                    .append("\" width=\"")
                    .append(ok)
                    .append("\" height=\"10\" rx=\"3\" fill=\"#43a047\"/>");
            g.append("<rect x=\"")
                    .append(barX + ok)
                    .append("\" y=\"")
                    .append(barY)
                    .append("\" width=\"")
                    .append(bad)
                    .append("\" height=\"10\" fill=\"#e53935\"/>");
        }
        String counts = stage.total() > 0
                ? stage.succeeded() + "/" + stage.total() + " succeeded"
                        + (stage.failed() > 0 ? ", " + stage.failed() + " failed" : "")
                : stage.reason() != null ? stage.reason() : StageLabels.jobs(planned);
        g.append(text(x + 10, y + 75, "normal", 11, "#37474f", cut(counts, 34)));
        String time = stage.durationMs() > 0
                ? Markup.duration(stage.durationMs())
                        + (stage.computeSeconds() >= 0.05
                                ? String.format(" · %.1f compute-s", stage.computeSeconds())
                                : "")
                : "";
        g.append(text(x + 10, y + 91, "normal", 11, "#607d8b", time));
        return g.append("</g>\n").toString();
    }

    private static String text(int x, int y, String weight, int size, String fill, String s) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-weight=\"" + weight + "\" font-size=\"" + size + "\" fill=\""
                + fill + "\">" + Markup.xml(s) + "</text>";
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
