package io.jenkins.plugins.awsbatch.engine.report;

import io.jenkins.plugins.awsbatch.engine.run.state.FailedItem;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's items as JUnit XML, the shape Jenkins' junit step reads: {@code <testsuites>}, a {@code <testsuite>}
 * per stage (name, tests, failures, errors, skipped, time), a {@code <testcase>} per item (classname
 * {@code graph.stage}, name {@code item INDEX KEY}); a failed item has {@code <failure message type>} with the
 * exit code and reason, and its log tail as text. A stage that did not run is one skipped test case (a suite
 * without test cases would be dropped by the reader).
 */
public final class JUnitXml {
    private JUnitXml() {}

    public static String render(RunReport report) {
        String graph = report.state().name;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = 0;
        long failures = 0;
        long skipped = 0;
        StringBuilder suites = new StringBuilder();
        for (RunReport.StageReport stage : report.stages()) {
            Map<Long, FailedItem> failed = new TreeMap<>();
            stage.failedItems().forEach(f -> failed.put(f.index(), f));
            String classname = Markup.xml(graph + "." + stage.name());
            StringBuilder cases = new StringBuilder();
            long stageTests;
            long stageFailures = 0;
            long stageSkipped = 0;
            if (stage.ran() && stage.items().length == 0) { // cleanup, or a stage whose jobs were not counted
                stageTests = 1;
                boolean ok = stage.status() == io.jenkins.plugins.awsbatch.engine.run.state.StageStatus.SUCCEEDED;
                stageFailures = ok ? 0 : 1;
                cases.append("    <testcase classname=\"")
                        .append(classname)
                        .append("\" name=\"")
                        .append(Markup.xml(stage.name()))
                        .append(
                                ok
                                        ? "\"/>\n"
                                        : "\"><failure message=\""
                                                + Markup.xml(stage.status()
                                                        + (stage.reason() == null ? "" : ": " + stage.reason()))
                                                + "\" type=\"" + stage.status() + "\"/></testcase>\n");
            } else if (!stage.ran() || stage.items().length == 0) {
                stageTests = 1;
                stageSkipped = 1;
                cases.append("    <testcase classname=\"")
                        .append(classname)
                        .append("\" name=\"")
                        .append(Markup.xml(stage.name()))
                        .append("\" time=\"0\"><skipped message=\"")
                        .append(Markup.xml(stage.status() + (stage.reason() == null ? "" : ": " + stage.reason())))
                        .append("\"/></testcase>\n");
            } else {
                stageTests = stage.items().length;
                boolean arrayOfItems = stage.type().equals("ARRAY");
                for (long index : stage.items()) {
                    String name = arrayOfItems
                            ? "item " + index + " " + report.keyOf().apply(index)
                            : stage.name() + " job " + index;
                    cases.append("    <testcase classname=\"")
                            .append(classname)
                            .append("\" name=\"")
                            .append(Markup.xml(name))
                            .append('"');
                    FailedItem item = failed.remove(index);
                    if (item == null) {
                        cases.append("/>\n");
                        continue;
                    }
                    stageFailures++;
                    cases.append(">\n      ").append(failure(item)).append("\n    </testcase>\n");
                }
                for (FailedItem item : failed.values()) { // a failed item outside the known population
                    stageTests++;
                    stageFailures++;
                    cases.append("    <testcase classname=\"")
                            .append(classname)
                            .append("\" name=\"")
                            .append(Markup.xml("item " + item.index() + " "
                                    + report.keyOf().apply(item.index())))
                            .append("\">\n      ")
                            .append(failure(item))
                            .append("\n    </testcase>\n");
                }
            }
            suites.append("  <testsuite name=\"")
                    .append(classname)
                    .append("\" tests=\"")
                    .append(stageTests)
                    .append("\" failures=\"")
                    .append(stageFailures)
                    .append("\" errors=\"0\" skipped=\"")
                    .append(stageSkipped)
                    .append("\" time=\"")
                    .append(seconds(stage.durationMs()))
                    .append("\">\n")
                    .append(cases)
                    .append("  </testsuite>\n");
            tests += stageTests;
            failures += stageFailures;
            skipped += stageSkipped;
        }
        xml.append("<testsuites name=\"")
                .append(Markup.xml(graph + " " + report.state().runId))
                .append("\" tests=\"")
                .append(tests)
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"0\" skipped=\"")
                .append(skipped)
                .append("\" time=\"")
                .append(seconds(report.durationMs()))
                .append("\">\n")
                .append(suites)
                .append("</testsuites>\n");
        return xml.toString();
    }

    private static String failure(FailedItem item) {
        String exit = item.exitCode() == null ? "no exit code" : "exit code " + item.exitCode();
        String message = exit + (item.statusReason() == null ? "" : ": " + item.statusReason());
        return "<failure message=\"" + Markup.xml(message) + "\" type=\"" + Markup.xml(exit) + "\">"
                + Markup.xml("job " + item.jobId() + "\n" + String.join("\n", item.logTail())) + "</failure>";
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
