package io.jenkins.plugins.awsbatch.engine.run;

import java.util.List;
import java.util.Map;

/**
 * The end of a run: what {@code --json} prints, what notifications and the Jenkins step report. Field names
 * are the contract of docs/cli.md (`--json`).
 */
public record RunResult(String runId, String name, Outcome outcome, long durationMs, String mode, long itemCount,
                        String runUri, String message, List<StageResult> stages, Map<String, Long> calls,
                        CleanupReport cleanup) {

    public List<StageResult> failedStages() {
        return stages.stream().filter(s -> s.failedCount() > 0 || "FAILED".equals(s.status())).toList();
    }
}
