package io.jenkins.plugins.awsbatch.engine.run.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.LogTailer;
import io.jenkins.plugins.awsbatch.engine.batch.aws.ServiceEndpoints;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.track.PollSchedule;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import io.jenkins.plugins.awsbatch.engine.track.Sleeper;
import java.time.Clock;
import java.util.function.Function;

/**
 * Everything a run talks to, injected: the Batch service (already counting calls), stores, log tails, clock,
 * sleeper, poll schedule, listener, how a graph's definition names map to submitted definitions, and the AWS
 * endpoints its clients were built with (null: only the Batch service's is known).
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
        RunSettings settings,
        ServiceEndpoints endpoints) {

    /** Services whose endpoints are not known apart from the Batch service's own ({@link BatchService#endpointUrl()}). */
    public RunServices(
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
        this(batch, stores, logs, calls, clock, sleeper, pollSchedule, listener, json, definitionNames, settings, null);
    }

    public RunServices withListener(RunListener newListener) {
        return new RunServices(
                batch,
                stores,
                logs,
                calls,
                clock,
                sleeper,
                pollSchedule,
                newListener,
                json,
                definitionNames,
                settings,
                endpoints);
    }

    /** The endpoints the run's clients use, recorded with the run: those given, else the Batch service's. */
    public ServiceEndpoints recordedEndpoints() {
        return endpoints != null ? endpoints : new ServiceEndpoints(batch.endpointUrl(), null);
    }
}
