package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.action.FailedItemRecord;
import io.jenkins.plugins.awsbatch.action.GraphRecord;
import io.jenkins.plugins.awsbatch.action.StageRecord;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.host.RunProgress;
import io.jenkins.plugins.awsbatch.engine.host.StageProgress;
import io.jenkins.plugins.awsbatch.engine.report.GraphSvg;
import io.jenkins.plugins.awsbatch.engine.report.RunReport;
import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.exec.ConsoleLinks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The build page's view of a run: plain data only, with console links on AWS. */
final class BuildPageView {
    private BuildPageView() {}

    /** @param region the step's region, else the graph's (console links on AWS) */
    static GraphRecord of(RunState s, RunResult result, String region) {
        List<StageRecord> stages = new ArrayList<>();
        boolean aws = EngineKind.of(s.engine) == EngineKind.AWS;
        String linkRegion = aws ? (region != null ? region : s.graph.region()) : null;
        RunProgress progress = RunProgress.of(s);
        for (StageSpec spec : s.graph.stages()) {
            progress.stage(spec.name()).ifPresent(st -> stages.add(stage(spec, st, linkRegion)));
        }
        String outcome = result != null && result.outcome() != null
                ? result.outcome().name()
                : s.outcome != null ? s.outcome.name() : null;
        return new GraphRecord(s.runId, s.name, s.engine, linkRegion, outcome, s.runUri, stages, svgOf(s));
    }

    private static StageRecord stage(StageSpec spec, StageProgress st, String region) {
        Map<String, Long> counts = new LinkedHashMap<>();
        st.counts().forEach((status, n) -> counts.put(status.name(), (long) n));
        List<String> dependsOn = new ArrayList<>();
        for (StageDependency d : spec.dependsOn()) {
            dependsOn.add(d.stage());
        }
        List<FailedItemRecord> failed = new ArrayList<>();
        for (FailedItem item : FailedItemCap.first(st.failedItems())) {
            failed.add(new FailedItemRecord(
                    item.index(),
                    item.key(),
                    item.exitCode(),
                    item.statusReason(),
                    item.logTail().isEmpty() ? null : String.join("\n", item.logTail()),
                    region != null && item.jobId() != null ? ConsoleLinks.job(region, item.jobId()) : null));
        }
        List<String> urls = new ArrayList<>();
        if (region != null) {
            st.jobIds().forEach(id -> urls.add(ConsoleLinks.job(region, id)));
        }
        return new StageRecord(
                spec.name(),
                spec.type().name().toLowerCase(Locale.ROOT),
                st.firstRoundSize(),
                counts,
                st.jobIds(),
                dependsOn,
                failed,
                urls);
    }

    /** The graph as the build page draws it: the engine's SVG, the same as {@code batchgraph report}'s. */
    private static String svgOf(RunState s) {
        try {
            return GraphSvg.render(RunReport.of(s, Optional.empty(), uri -> Optional.empty()));
        } catch (RuntimeException e) {
            return null; // a run without stages yet (a plan): the page lists the stages only
        }
    }
}
