package io.jenkins.plugins.awsbatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import java.io.PrintWriter;
import java.util.List;

/**
 * The one JSON object {@code --json} prints when a command ends without a run outcome: {@code INVALID} (exit 2:
 * bad input, nothing created) or {@code ERROR} (exit 1: the command could not do its work), with
 * {@code errors: [{path, message, fix}]}.
 */
final class ErrorReport {
    private ErrorReport() {}

    static void print(PrintWriter out, int exitCode, List<GraphError> errors) {
        ObjectNode report = Json.mapper().createObjectNode();
        report.put("outcome", exitCode == BatchGraphCli.EXIT_INVALID ? "INVALID" : "ERROR");
        report.put("exitCode", exitCode);
        ArrayNode list = report.putArray("errors");
        for (GraphError error : errors) {
            ObjectNode entry = list.addObject();
            entry.put("path", error.path());
            entry.put("message", error.problem());
            entry.put("fix", error.fix());
        }
        out.println(report.toString());
        out.flush();
    }

    static void print(PrintWriter out, int exitCode, String message) {
        print(out, exitCode, List.of(new GraphError(null, message, null)));
    }
}
