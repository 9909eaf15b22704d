package io.jenkins.plugins.awsbatch.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A stored JSON file (run state, manifest, index map) that cannot be read back. The message names the file,
 * the field ({@code graph.stages[0].count}) or the position of bad JSON, and the cause.
 */
public final class UnreadableFileException extends UncheckedIOException {

    public UnreadableFileException(String what, String uri, IOException cause) {
        super("cannot read " + what + " at " + uri + ": " + describe(cause), cause);
    }

    static String describe(IOException e) {
        String cause = rootMessage(e);
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "field " + fieldPath(mapping) + ": " + cause;
        }
        if (e instanceof JsonProcessingException parsing
                && parsing.getLocation() != null
                && parsing.getLocation().getLineNr() > 0) {
            return "invalid JSON at line " + parsing.getLocation().getLineNr() + ", column "
                    + parsing.getLocation().getColumnNr() + ": " + cause;
        }
        return cause;
    }

    /** {@code graph.stages[0].count}: field names joined by dots, list positions in brackets. */
    static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The innermost cause's own words (a creator's "unknown count field"), else Jackson's without location. */
    private static String rootMessage(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null) {
            return root.getMessage();
        }
        return e instanceof JsonProcessingException processing
                ? processing.getOriginalMessage()
                : String.valueOf(e.getMessage());
    }
}
