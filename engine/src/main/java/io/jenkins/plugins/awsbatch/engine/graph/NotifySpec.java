package io.jenkins.plugins.awsbatch.engine.graph;

import java.util.List;

/** {@code notify:} block: targets per outcome; one message per run, never one per child. */
public record NotifySpec(List<NotifyTarget> onFailure, List<NotifyTarget> onUnstable, List<NotifyTarget> onSuccess) {
    public NotifySpec {
        onFailure = onFailure == null ? List.of() : List.copyOf(onFailure);
        onUnstable = onUnstable == null ? List.of() : List.copyOf(onUnstable);
        onSuccess = onSuccess == null ? List.of() : List.copyOf(onSuccess);
    }
}
