package io.jenkins.plugins.awsbatch.exec;

/** Invalid step input: the message names the field and the fix. Nothing was submitted. */
public class GraphInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public GraphInputException(String message) {
        super(message);
    }
}
