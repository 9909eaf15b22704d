package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.DriverFactory;
import io.jenkins.plugins.awsbatch.exec.ExecutionRuntime;
import io.jenkins.plugins.awsbatch.exec.GraphDriver;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;

/** The production {@link DriverFactory}: the engine module behind a {@link GraphDriver}. Stateless. */
public final class EngineDriverFactory implements DriverFactory {
    private static final long serialVersionUID = 1L;

    public static final EngineDriverFactory INSTANCE = new EngineDriverFactory();

    private EngineDriverFactory() {}

    @Override
    public GraphDriver open(GraphRequest request, DriverContext context) throws Exception {
        return open(request, context, FailureEvents.GLOBAL);
    }

    /** A driver that sets up (or not) the AWS-side failure events of the runs it starts. */
    public GraphDriver open(GraphRequest request, DriverContext context, FailureEvents failureEvents) {
        return new EngineGraphDriver(request, context, failureEvents);
    }

    @Override
    public ExecutionRuntime runtime() {
        return JenkinsExecutionRuntime.INSTANCE;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
