package io.jenkins.plugins.awsbatch.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import hudson.model.Run;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The build-page view of one graph run: {@code summary.jelly} shows the stage counts on the build page,
 * {@code index.jelly} draws the graph (the engine's SVG: stages with outcome and progress, an arrow per real
 * dependency) and the failed items with log tails and links, and refreshes the graph from {@link #doProgress}
 * while the run is live. Holds plain {@link GraphRecord} data only.
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

    /** Whether the run may still change: the page polls {@link #doProgress} until it is not. */
    public boolean isLive() {
        return record.getOutcome() == null && (run == null || run.isBuilding());
    }

    /**
     * The run as the build page's script reads it while live: outcome, whether to keep polling, the graph's SVG
     * (escaped markup from the engine's renderer) and a line per stage. JSON, strings escaped by Jackson.
     */
    public String progressJson() {
        GraphRecord r = record;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", r.getRunId());
        json.put("outcome", r.getOutcome());
        json.put("live", isLive());
        json.put("svg", r.getSvg());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (StageRecord s : r.getStages()) {
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("name", s.getName());
            stage.put("dependsOn", s.getDependsOn());
            stage.put("summary", s.getSummary());
            stage.put("running", s.getRunning());
            stage.put("waiting", s.getWaiting());
            stages.add(stage);
        }
        json.put("stages", stages);
        try {
            return Json.mapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the progress of " + r.getRunId() + " could not be written as JSON", e);
        }
    }

    /** {@code GET .../progress}: {@link #progressJson()}, never cached. */
    public HttpResponse doProgress() {
        String json = progressJson();
        return new HttpResponse() {
            @Override
            public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
                rsp.setContentType("application/json;charset=UTF-8");
                rsp.setHeader("Cache-Control", "no-cache, no-store");
                rsp.getWriter().write(json);
            }
        };
    }
}
