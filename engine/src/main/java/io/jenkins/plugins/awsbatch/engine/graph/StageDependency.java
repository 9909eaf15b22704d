package io.jenkins.plugins.awsbatch.engine.graph;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;

/**
 * {@code dependsOn} entry: a stage name (wait for the whole stage) or {@code {stage, type: N_TO_N}}.
 */
public record StageDependency(String stage, DependencyType type) {

    @JsonCreator
    public StageDependency(@JsonProperty("stage") String stage, @JsonProperty("type") DependencyType type) {
        this.stage = stage;
        this.type = type;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StageDependency whole(String stage) {
        return new StageDependency(stage, null);
    }

    public boolean isNToN() {
        return type == DependencyType.N_TO_N;
    }
}
