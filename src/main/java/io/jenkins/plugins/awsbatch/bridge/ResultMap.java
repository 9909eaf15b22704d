package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.host.ResultView;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import java.util.Map;

/**
 * What a step returns: the engine's one result shape ({@link ResultView}, the same fields as {@code --json}) with
 * the failed items capped for Jenkins ({@link FailedItemCap}).
 */
final class ResultMap {
    static final String RUN_ID = "runId";
    static final String STORE = "store";

    private ResultMap() {}

    /**
     * @param result the runner's result, or null for a run no runner tracks here (read from its state)
     * @param withRunOutcome whether {@code runOutcome} says how the run ended (a step that did not track it)
     */
    static Map<String, Object> of(RunState s, RunResult result, boolean withRunOutcome) {
        Map<String, Object> m =
                result != null ? ResultView.of(s, result, FailedItemCap.max()) : ResultView.of(s, FailedItemCap.max());
        if (s.outcome != null && withRunOutcome) {
            m.put("runOutcome", s.outcome.name());
        }
        return m;
    }
}
