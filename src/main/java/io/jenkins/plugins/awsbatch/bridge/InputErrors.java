package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.exec.GraphInputException;
import java.util.ArrayList;
import java.util.List;

/** Binding and validation errors as the step reports them: every field path, nothing submitted. */
final class InputErrors {
    private InputErrors() {}

    static GraphInputException of(GraphValidationException e) {
        return renamed(e, null, null);
    }

    /** With paths under {@code from} (the graph the step built) shown under {@code to} (the step's argument). */
    static GraphInputException renamed(GraphValidationException e, String from, String to) {
        List<String> parts = new ArrayList<>();
        for (GraphError error : e.errors()) {
            String path = from != null && error.path() != null && error.path().startsWith(from)
                    ? to + error.path().substring(from.length())
                    : error.path();
            parts.add(new GraphError(path, error.problem(), error.fix()).toString());
        }
        return new GraphInputException("invalid input, nothing was submitted: " + String.join("; ", parts));
    }
}
