package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.host.Extension;
import io.jenkins.plugins.awsbatch.engine.host.HostedRun;
import io.jenkins.plugins.awsbatch.engine.host.RunProgress;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.JournalSink;
import io.jenkins.plugins.awsbatch.exec.StepKind;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code awsBatchFanOut}, {@code awsBatchAggregate} and {@code awsBatchCleanup(jobDefinition:)}: stages added to
 * the run a previous step returned, with the engine's policy for them ({@link Extension}).
 */
final class ExtendAction extends StepAction {
    private final StepKind kind;

    ExtendAction(EngineSession session, ConsoleListener console) {
        super(session, console);
        this.kind = session.request().getKind();
    }

    @Override
    Begun begin(Journal journal, JournalSink sink) throws Exception {
        Map<String, Object> args = session.request().getArguments();
        String argument = kind == StepKind.AGGREGATE ? "after" : "plan";
        Map<String, Object> previous =
                kind == StepKind.CLEANUP && args.get(argument) == null ? Map.of() : map(args.get(argument), argument);
        String runId = journal.getRunId() != null ? journal.getRunId() : string(previous.get(ResultMap.RUN_ID));
        if (runId == null && kind == StepKind.CLEANUP) {
            runId = string(args.get(ResultMap.RUN_ID));
        }
        if (runId == null) {
            throw new GraphInputException(argument + ".runId: missing; pass what awsBatchPlan"
                    + (kind == StepKind.AGGREGATE ? " or awsBatchFanOut" : "") + " returned");
        }
        String store = storeOf(journal, previous);
        session.checkAccess(null, store);
        HostedRun run = session.host().extend(store, runId, extension(args, previous, journal));
        RunState state = run.state();
        session.observe(state);
        remember(journal, sink, state.runId, state.name, state.storeUri);
        return Begun.tracking(run);
    }

    private Function<RunState, Extension> extension(
            Map<String, Object> args, Map<String, Object> previous, Journal journal) {
        String queue = session.settings().getQueue();
        return switch (kind) {
            case FAN_OUT -> prior -> Extension.fanOut(prior, args.get("stages"), args, queue);
            case AGGREGATE ->
                prior -> Extension.aggregate(prior, args, stageNames(previous), queue, kind.functionName());
            default ->
                prior -> Extension.cleanupJob(
                        prior,
                        cleanupName(prior, journal),
                        string(args.get("jobDefinition")),
                        queue,
                        kind.functionName());
        };
    }

    /** {@code cleanup}, unless the run has a cleanup stage of its own that this step did not add. */
    private static String cleanupName(RunState prior, Journal journal) {
        boolean ours = journal.getEntries().stream().anyMatch(e -> e.getStage().equals("cleanup"));
        return RunProgress.stage(prior, "cleanup").isPresent() && !ours ? "cleanup-job" : "cleanup";
    }
}
