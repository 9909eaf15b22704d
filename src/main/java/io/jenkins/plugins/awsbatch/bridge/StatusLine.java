package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.run.RunState;
import io.jenkins.plugins.awsbatch.engine.run.StageState;
import io.jenkins.plugins.awsbatch.engine.run.StageStatus;
import io.jenkins.plugins.awsbatch.engine.track.ProgressText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The step's one status line: {@code score: 3/5 succeeded, 1 failed, 1 running; rank: waiting}. */
final class StatusLine {
    private StatusLine() {}

    static String of(RunState s) {
        List<String> parts = new ArrayList<>();
        for (StageSpec spec : s.graph.stages()) {
            StageState st = s.stage(spec.name());
            if (st == null || st.status == StageStatus.WAITING) {
                continue;
            }
            if (st.status == StageStatus.SUBMITTED) {
                parts.add(spec.name() + ": " + ProgressText.of(st.counts));
            } else if (!st.status.isFinished()) {
                parts.add(spec.name() + ": " + st.status.name().toLowerCase(Locale.ROOT));
            }
        }
        if (parts.isEmpty()) {
            long waiting = s.stages.values().stream()
                    .filter(st -> st.status == StageStatus.WAITING)
                    .count();
            return "run " + s.runId + (waiting > 0 ? ": " + waiting + " stage(s) waiting" : ": finishing");
        }
        return String.join("; ", parts);
    }
}
