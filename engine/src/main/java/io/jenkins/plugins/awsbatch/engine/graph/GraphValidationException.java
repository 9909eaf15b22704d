package io.jenkins.plugins.awsbatch.engine.graph;

import java.util.List;
import java.util.stream.Collectors;

/** The graph is invalid; nothing was submitted. Carries every error found, not only the first. */
public class GraphValidationException extends RuntimeException {
    private final List<GraphError> errors;

    public GraphValidationException(List<GraphError> errors) {
        super(errors.stream().map(GraphError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public GraphValidationException(GraphError error) {
        this(List.of(error));
    }

    public List<GraphError> errors() {
        return errors;
    }
}
