package io.jenkins.plugins.awsbatch.action;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A graph run as the build page shows it. Plain data only, no SDK type: it is saved with the build. */
public final class GraphRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String name;
    private final String engine;
    private final String region;
    private final String outcome;
    private final String runUri;
    private final ArrayList<StageRecord> stages;
    /** The graph as SVG (the same drawing as {@code batchgraph report}), or null when it could not be drawn. */
    private final String svg;

    public GraphRecord(
            String runId,
            String name,
            String engine,
            String region,
            String outcome,
            String runUri,
            List<StageRecord> stages,
            String svg) {
        this.svg = svg;
        this.runId = runId;
        this.name = name;
        this.engine = engine;
        this.region = region;
        this.outcome = outcome;
        this.runUri = runUri;
        this.stages = stages == null ? new ArrayList<>() : new ArrayList<>(stages);
    }

    public String getRunId() {
        return runId;
    }

    public String getName() {
        return name;
    }

    public String getEngine() {
        return engine;
    }

    public String getRegion() {
        return region;
    }

    /** SUCCEEDED, FAILED, UNSTABLE, ABORTED, or null while running. */
    public String getOutcome() {
        return outcome;
    }

    public String getRunUri() {
        return runUri;
    }

    public List<StageRecord> getStages() {
        return Collections.unmodifiableList(stages);
    }

    /** The graph drawn with its real dependencies, stage outcomes and progress; escaped SVG markup. */
    public String getSvg() {
        return svg;
    }

    /** Stages merged by name: those of {@code update} replace those of this; others are kept in order. */
    public GraphRecord mergedWith(GraphRecord update) {
        List<StageRecord> merged = new ArrayList<>(stages);
        for (StageRecord s : update.stages) {
            boolean replaced = false;
            for (int i = 0; i < merged.size(); i++) {
                if (merged.get(i).getName().equals(s.getName())) {
                    merged.set(i, s);
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                merged.add(s);
            }
        }
        return new GraphRecord(
                runId,
                update.name != null ? update.name : name,
                update.engine != null ? update.engine : engine,
                update.region != null ? update.region : region,
                update.outcome,
                update.runUri != null ? update.runUri : runUri,
                merged,
                update.svg != null ? update.svg : svg);
    }
}
