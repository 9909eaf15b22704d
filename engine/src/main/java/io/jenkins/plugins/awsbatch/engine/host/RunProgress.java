package io.jenkins.plugins.awsbatch.engine.host;

import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only snapshot of every stage of a run that has state, in the graph's order (stages the graph does not
 * name, if any, last). What a host shows while a run goes on; the run's result is {@link ResultView}'s.
 */
public record RunProgress(List<StageProgress> stages) {

    public RunProgress {
        stages = List.copyOf(stages);
    }

    public static RunProgress of(RunState state) {
        if (state == null) {
            return new RunProgress(List.of());
        }
        Map<String, StageState> left = new LinkedHashMap<>(state.stages);
        List<StageProgress> stages = new ArrayList<>();
        if (state.graph != null) {
            for (StageSpec spec : state.graph.stages()) {
                StageState st = left.remove(spec.name());
                if (st != null) {
                    stages.add(StageProgress.of(spec.name(), st));
                }
            }
        }
        left.forEach((name, st) -> stages.add(StageProgress.of(name, st)));
        return new RunProgress(stages);
    }

    /** One stage of {@code state} only (cheaper than the whole snapshot, e.g. on every submitted job). */
    public static Optional<StageProgress> stage(RunState state, String name) {
        StageState st = state == null ? null : state.stage(name);
        return st == null ? Optional.empty() : Optional.of(StageProgress.of(name, st));
    }

    public Optional<StageProgress> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every stage with state has ended (true for a run without stages). */
    public boolean allFinished() {
        return stages.stream().allMatch(s -> s.status().isFinished());
    }

    public long count(StageStatus status) {
        return stages.stream().filter(s -> s.status() == status).count();
    }
}
