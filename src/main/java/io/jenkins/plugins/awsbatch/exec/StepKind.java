package io.jenkins.plugins.awsbatch.exec;

/** Which Pipeline step an execution serves. */
public enum StepKind {
    PLAN("awsBatchPlan"),
    FAN_OUT("awsBatchFanOut"),
    AGGREGATE("awsBatchAggregate"),
    CLEANUP("awsBatchCleanup"),
    RUN("awsBatchRun");

    private final String functionName;

    StepKind(String functionName) {
        this.functionName = functionName;
    }

    public String functionName() {
        return functionName;
    }
}
