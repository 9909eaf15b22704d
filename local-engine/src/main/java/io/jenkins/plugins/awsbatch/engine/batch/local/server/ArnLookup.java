package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import io.jenkins.plugins.awsbatch.engine.batch.local.ComputeEnvironmentInfo;
import io.jenkins.plugins.awsbatch.engine.batch.local.JobQueueInfo;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Names to ARNs for the shapes where AWS answers with ARNs (a job's queue, a queue's compute environments). */
final class ArnLookup {
    private final LocalBatchService service;

    ArnLookup(LocalBatchService service) {
        this.service = service;
    }

    UnaryOperator<String> jobArns() {
        return service::jobArn;
    }

    /** A snapshot of queue name → ARN; names it does not know are returned unchanged. */
    UnaryOperator<String> queueArns() {
        Map<String, String> byName = new HashMap<>();
        for (JobQueueInfo queue : service.describeJobQueues()) {
            byName.put(queue.name(), queue.arn());
        }
        return name -> byName.getOrDefault(name, name);
    }

    /** A snapshot of compute environment name → ARN; names it does not know are returned unchanged. */
    UnaryOperator<String> computeEnvironmentArns() {
        Map<String, String> byName = new HashMap<>();
        for (ComputeEnvironmentInfo ce : service.describeComputeEnvironments()) {
            byName.put(ce.name(), ce.arn());
        }
        return name -> byName.getOrDefault(name, name);
    }
}
