package io.jenkins.plugins.awsbatch.action;

import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.model.RunAction2;

/**
 * The build-page view of one graph run: {@code summary.jelly} shows the stage counts on the build page,
 * {@code index.jelly} draws the graph (stages as boxes with progress bars, dependency arrows, failed items
 * with log tails and links). Holds plain {@link GraphRecord} data only.
 */
public class AwsBatchGraphAction implements RunAction2 {

    private volatile GraphRecord record;
    private transient Run<?, ?> run;

    public AwsBatchGraphAction(GraphRecord record) {
        this.record = record;
    }

    /** Adds the action for this graph run, or updates the one already there. */
    public static synchronized void publish(Run<?, ?> run, GraphRecord update) {
        for (AwsBatchGraphAction a : run.getActions(AwsBatchGraphAction.class)) {
            if (a.record.getRunId() != null && a.record.getRunId().equals(update.getRunId())) {
                a.record = a.record.mergedWith(update);
                return;
            }
        }
        run.addAction(new AwsBatchGraphAction(update));
    }

    public GraphRecord getRecord() {
        return record;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "/plugin/aws-batch-graph/images/graph.svg";
    }

    @Override
    public String getDisplayName() {
        String name = record.getName();
        return "AWS Batch graph" + (name == null ? "" : ": " + name);
    }

    @Override
    public String getUrlName() {
        String id = record.getRunId() == null ? "run" : record.getRunId();
        return "aws-batch-graph-" + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The graph as boxes in columns (one column per dependency depth), for index.jelly. */
    public List<List<StageRecord>> getColumns() {
        List<StageRecord> stages = record.getStages();
        List<List<StageRecord>> columns = new ArrayList<>();
        java.util.Map<String, Integer> depth = new java.util.HashMap<>();
        for (StageRecord s : stages) {
            int d = 0;
            for (String dep : s.getDependsOn()) {
                Integer dd = depth.get(dep);
                if (dd != null) {
                    d = Math.max(d, dd + 1);
                }
            }
            depth.put(s.getName(), d);
            while (columns.size() <= d) {
                columns.add(new ArrayList<>());
            }
            columns.get(d).add(s);
        }
        return columns;
    }
}
