package io.jenkins.plugins.awsbatch.engine.plan;

import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;

/** The plan's items cannot be read; like a validation error, it names the field and nothing is submitted. */
public class PlanException extends GraphValidationException {
    public PlanException(String path, String problem, String fix) {
        super(new GraphError(path, problem, fix));
    }
}
