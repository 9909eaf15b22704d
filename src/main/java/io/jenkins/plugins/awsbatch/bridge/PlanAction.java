package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.host.GraphHost;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.JournalSink;
import io.jenkins.plugins.awsbatch.exec.PollReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code awsBatchPlan}: the items read and written, a run journaled with no stage yet. */
final class PlanAction extends StepAction {
    PlanAction(EngineSession session, ConsoleListener console) {
        super(session, console);
    }

    @Override
    Begun begin(Journal journal, JournalSink sink) throws Exception {
        Map<String, Object> args = session.request().getArguments();
        String engineName = session.engineName();
        String name = string(args.get("name"));
        Map<String, Object> graphMap = new LinkedHashMap<>();
        graphMap.put("name", name != null ? name : defaultName(session.context().getBuildId()));
        graphMap.put("engine", engineName);
        putIfSet(graphMap, "store", session.storeFor(engineName));
        putIfSet(graphMap, "region", session.settings().getRegion());
        putIfSet(graphMap, "queue", session.settings().getQueue());
        graphMap.put("plan", Map.of("items", itemSource(args.get("items"))));
        GraphSpec graph;
        try {
            graph = new GraphBinder().fromMap(graphMap);
        } catch (GraphValidationException e) {
            throw InputErrors.renamed(e, "plan.items", "items");
        }
        String storeUri = EngineSession.canonicalStore(graph.storeOrDefault());
        session.checkAccess(engineName, storeUri);
        String runId = journal.getRunId();
        boolean resumed = runId != null;
        if (!resumed) {
            runId = string(args.get("runId"));
            remember(journal, sink, runId != null ? runId : GraphHost.newRunId(graph.name()), graph.name(), storeUri);
            runId = journal.getRunId(); // known before anything is written
        }
        Path baseDir = baseDir(graph);
        DriverContext context = session.context();
        graph = WorkspaceItems.fetch(graph, null, context.getWorkspace(), session.inputsDir(), "items.file", !resumed);
        RunState state = session.host().plan(graph, baseDir, runId);
        session.observe(state);
        return Begun.finished(PollReport.done(
                Outcome.SUCCEEDED,
                "planned " + state.itemCount + " item(s) as run " + state.runId,
                console.drain(),
                null,
                ResultMap.of(state, null, true),
                BuildPageView.of(state, null, session.settings().getRegion())));
    }

    @Override
    Begun reattach(Journal journal) throws Exception {
        return reattachFinished(journal);
    }

    /** {@code ['a', 'b']}, {@code [list: [...]]}, {@code [file: 'x.csv', key: 'id']} or {@code [s3: 's3://b/p/']}. */
    private static Object itemSource(Object items) throws GraphInputException {
        if (items instanceof List) {
            return Map.of("list", items);
        }
        if (items instanceof Map) {
            return items;
        }
        throw new GraphInputException("items: expected a list (['a', 'b']) or a map ([file: 'items.csv'], "
                + "[s3: 's3://bucket/prefix/']), got "
                + (items == null ? "nothing" : "a " + items.getClass().getSimpleName()));
    }

    /** Where the local engine's jobs start: the workspace when it is on this machine, else the build's folder. */
    private Path baseDir(GraphSpec graph) throws IOException, InterruptedException {
        String file = graph.plan() == null || graph.plan().items() == null
                ? null
                : graph.plan().items().file();
        File local = file == null ? null : session.context().getWorkspace().localDirectory();
        return local != null ? local.toPath() : session.buildDirPath();
    }

    /** The job's name (without the build number), cut to 40 characters of a run id. */
    private static String defaultName(String buildId) {
        String job = buildId == null ? "batchgraph" : buildId.replaceFirst("#.*$", "");
        String cleaned =
                job.replaceAll("[^A-Za-z0-9_-]", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        if (cleaned.isEmpty()) {
            cleaned = "batchgraph";
        }
        return cleaned.length() <= 40 ? cleaned : cleaned.substring(cleaned.length() - 40);
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
