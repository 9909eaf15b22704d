package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.BatchClientException;

/** The ClientException messages of the local engine, worded as AWS Batch words them. */
final class ClientErrors {
    private ClientErrors() {}

    static BatchClientException unknownQueue(String queue) {
        return new BatchClientException("JobQueue " + queue + " not found.");
    }

    static BatchClientException unknownDefinition(String definition) {
        return new BatchClientException("JobDefinition " + definition + " not found.");
    }

    static BatchClientException unknownComputeEnvironment(String name) {
        return new BatchClientException("ComputeEnvironment " + name + " not found.");
    }

    static BatchClientException unknownConsumableResource(String name) {
        return new BatchClientException("ConsumableResource " + name + " not found.");
    }

    static BatchClientException unknownDependency(String jobId) {
        return new BatchClientException("Dependent job ID " + jobId + " not found.");
    }

    static BatchClientException unknownResource(String arn) {
        return new BatchClientException("Resource " + arn + " not found: tags are kept for jobs, job queues, "
                + "compute environments and job definitions of this endpoint.");
    }

    static BatchClientException unknownJob(String jobId) {
        return new BatchClientException("Job " + jobId + " not found.");
    }

    static BatchClientException nToNSizeMismatch(String jobId, int size, int dependencySize) {
        return new BatchClientException("N_TO_N dependency on " + jobId + " requires an array job of the same size: "
                + size + " != " + dependencySize + ".");
    }

    static BatchClientException missing(String field) {
        return new BatchClientException(field + " is required.");
    }

    static BatchClientException badNextToken() {
        return new BatchClientException("Invalid nextToken.");
    }

    static BatchClientException maxResults(int value) {
        return new BatchClientException("maxResults must be between 1 and 1000, got " + value + ".");
    }

    static BatchClientException alreadyExists(String kind, String name) {
        return new BatchClientException(kind + " " + name + " already exists.");
    }
}
