package io.jenkins.plugins.awsbatch.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.track.LogTailer;
import io.jenkins.plugins.awsbatch.engine.track.PollSchedule;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import io.jenkins.plugins.awsbatch.engine.track.Sleeper;
import java.time.Clock;
import java.util.function.Function;

/**
 * Everything a run talks to, injected: the Batch service (already counting calls), stores, log tails, clock,
 * sleeper, poll schedule, listener, and how a graph's definition names map to submitted definitions.
 */
public record RunServices(
        BatchService batch,
        StoreResolver stores,
        LogTailer logs,
        CallCounter calls,
        Clock clock,
        Sleeper sleeper,
        PollSchedule pollSchedule,
        RunListener listener,
        ObjectMapper json,
        Function<String, String> definitionNames,
        RunSettings settings) {

    public RunServices withListener(RunListener newListener) {
        return new RunServices(batch, stores, logs, calls, clock, sleeper, pollSchedule, newListener, json,
                definitionNames, settings);
    }
}
