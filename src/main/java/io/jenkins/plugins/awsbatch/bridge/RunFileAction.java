package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.graph.GraphBinder;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.host.GraphFiles;
import io.jenkins.plugins.awsbatch.engine.host.GraphHost;
import io.jenkins.plugins.awsbatch.engine.host.HostedRun;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.JournalSink;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code awsBatchRun}: a whole {@code batchgraph.yaml}, from the workspace or inline, with the CLI's defaults. */
final class RunFileAction extends StepAction {
    private final FailureEvents failureEvents;

    RunFileAction(EngineSession session, ConsoleListener console, FailureEvents failureEvents) {
        super(session, console);
        this.failureEvents = failureEvents;
    }

    @Override
    Begun begin(Journal journal, JournalSink sink) throws Exception {
        GraphRequest request = session.request();
        DriverContext context = session.context();
        Map<String, Object> args = request.getArguments();
        String file = string(args.get("file"));
        String text = string(args.get("text"));
        if ((file == null) == (text == null)) {
            throw new GraphInputException("file or text: give exactly one (file: 'batchgraph.yaml' from the "
                    + "workspace, or text: the YAML itself)");
        }
        Path baseDir = session.buildDirPath();
        if (file != null) {
            text = context.getWorkspace().read(WorkspaceItems.requireInside(file, "file"));
            if (text == null) {
                throw new GraphInputException("file: '" + file + "' is read from the workspace; run awsBatchRun inside "
                        + "node { }, or pass text:");
            }
            File local = context.getWorkspace().localDirectory();
            File parent = local == null ? null : new File(local, file).getParentFile();
            baseDir = parent != null ? parent.toPath() : baseDir;
        }
        @SuppressWarnings("unchecked")
        List<String> overrides =
                args.get("overrides") instanceof List ? (List<String>) args.get("overrides") : List.of();
        GraphSpec graph = new GraphBinder().parse(text, overrides);
        graph = WorkspaceItems.fetch(
                graph,
                WorkspaceItems.folderOf(file),
                context.getWorkspace(),
                session.inputsDir(),
                "plan.items.file",
                journal.getRunId() == null);
        String engineName = engineOf(graph);
        String store = request.getSettings().getStore() != null
                ? request.getSettings().getStore()
                : graph.store() == null ? session.storeFor(engineName) : null;
        graph = GraphFiles.withHostSettings(
                graph,
                engineName,
                store,
                session.settings().getRegion(),
                session.settings().getQueue());
        String storeUri = EngineSession.canonicalStore(graph.storeOrDefault());
        session.checkAccess(engineName, storeUri);
        GraphHost host = session.host();
        String runId = journal.getRunId();
        if (runId != null && host.load(storeUri, runId).isPresent()) {
            return Begun.tracking(host.resume(storeUri, runId)); // a restart during submission
        }
        if (runId == null) {
            String given = string(args.get(ResultMap.RUN_ID));
            remember(journal, sink, given != null ? given : GraphHost.newRunId(graph.name()), graph.name(), storeUri);
            runId = journal.getRunId();
        }
        HostedRun run = host.start(graph, baseDir, runId);
        session.observe(run.state());
        failureEvents.runStarted(request, graph, run.engine(), console);
        return Begun.tracking(run);
    }

    /** The step's engine, then the file's, then the global configuration's, then the file's default. */
    private String engineOf(GraphSpec graph) {
        String explicit = session.request().getSettings().getEngineOrNull();
        if (explicit != null) {
            return explicit;
        }
        if (graph.engine() != null) {
            return graph.engine();
        }
        String global = session.request().getDefaults().getEngineOrNull();
        return global != null ? global : graph.engineOrDefault();
    }
}
