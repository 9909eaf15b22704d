package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.host.RunProgress;
import io.jenkins.plugins.awsbatch.engine.host.StageProgress;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.track.ProgressText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The step's one status line: {@code score: 3/5 succeeded, 1 failed, 1 running; rank: waiting}. */
final class StatusLine {
    private StatusLine() {}

    static String of(RunState s) {
        RunProgress progress = RunProgress.of(s);
        List<String> parts = new ArrayList<>();
        for (StageProgress st : progress.stages()) {
            if (st.status() == StageStatus.WAITING || s.graph.stage(st.name()).isEmpty()) {
                continue;
            }
            if (st.status() == StageStatus.SUBMITTED) {
                parts.add(st.name() + ": " + ProgressText.of(st.counts()));
            } else if (!st.status().isFinished()) {
                parts.add(st.name() + ": " + st.status().name().toLowerCase(Locale.ROOT));
            }
        }
        if (parts.isEmpty()) {
            long waiting = progress.count(StageStatus.WAITING);
            return "run " + s.runId + (waiting > 0 ? ": " + waiting + " stage(s) waiting" : ": finishing");
        }
        return String.join("; ", parts);
    }
}
