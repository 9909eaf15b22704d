package io.jenkins.plugins.awsbatch.exec;

import java.io.Serializable;

/**
 * Creates the {@link GraphDriver} and {@link ExecutionRuntime} of an execution. Persisted with the execution
 * (so it must be serialisable and hold no live resource); the default is {@code bridge.EngineDriverFactory}.
 */
public interface DriverFactory extends Serializable {

    GraphDriver open(GraphRequest request, DriverContext context) throws Exception;

    ExecutionRuntime runtime();
}
