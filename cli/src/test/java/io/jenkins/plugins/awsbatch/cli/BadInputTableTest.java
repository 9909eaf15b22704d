package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input, table-driven: every graph file, item file and command-line mistake below exits 2, names the field
 * (or {@code file:line}) on stderr and in the {@code --json} object, creates nothing on disk (no run folder, no
 * store root) and runs no job.
 */
class BadInputTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TRIED = new ArrayList<>();
    private static final List<String> REJECTED = new ArrayList<>();

    private static final String JOB = "jobDefinitions: {sh: {command: [sh, -c, 'echo ran >> MARKER']}}\n";
    private static final String ITEMS = "plan: {items: {list: [a, b, c]}}\n";

    /** One bad input: the graph text, extra files, the command line, and what the error must name. */
    private record Case(String name, String graph, Map<String, byte[]> files, List<String> args, String names) {
        Case with(String file, String text) {
            return with(file, text.getBytes(StandardCharsets.UTF_8));
        }

        Case with(String file, byte[] content) {
            Map<String, byte[]> more = new LinkedHashMap<>(files);
            more.put(file, content);
            return new Case(name, graph, more, args, names);
        }

        Case replace(String from, String to) {
            return new Case(name, graph.replace(from, to), files, args, names);
        }

        Case args(String... extra) {
            return new Case(name, graph, files, List.of(extra), names);
        }
    }

    private static Case graph(String name, String yaml, String names) {
        return new Case(name, yaml, Map.of(), List.of("run"), names);
    }

    /** The one-stage base graph with {@code extra} fields on its stage. */
    private static Case stage(String name, String extra, String names) {
        return graph(
                name, "name: t\n" + ITEMS + JOB + "stages: [{name: s, jobDefinition: sh, " + extra + "}]\n", names);
    }

    /** A second, aggregate stage after the base array stage, with {@code count}. */
    private static Case count(String name, String count, String names) {
        return graph(
                name,
                "name: t\n" + ITEMS + JOB + "stages: [{name: s, jobDefinition: sh}, "
                        + "{name: a, type: aggregate, jobDefinition: sh, dependsOn: [s], count: " + count + "}]\n",
                names);
    }

    private static Case withStages(String name, String stages, String names) {
        return graph(name, "name: t\n" + ITEMS + JOB + "stages:\n" + stages, names);
    }

    private static Case notify(String name, String target, String names) {
        return graph(
                name,
                "name: t\n" + ITEMS + JOB + "stages: [{name: s, jobDefinition: sh}]\nnotify: {onFailure: [" + target
                        + "]}\n",
                names);
    }

    /** The one-stage graph over job definitions {@code definitions}. */
    private static Case definitions(String name, String definitions, String names) {
        return graph(
                name,
                "name: t\n" + ITEMS + "jobDefinitions: " + definitions + "\nstages: [{name: s, jobDefinition: sh}]\n",
                names);
    }

    private static Case items(String name, String file, String names) {
        return graph(
                name,
                "name: t\nplan: {items: {file: " + file + "}}\n" + JOB + "stages: [{name: s, jobDefinition: sh}]\n",
                names);
    }

    private static final String OK = "name: t\n" + ITEMS + JOB + "stages: [{name: s, jobDefinition: sh}]\n";

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        // the graph as a whole
        all.add(graph("no name", ITEMS + JOB + "stages: [{name: s, jobDefinition: sh}]\n", "name"));
        all.add(graph("name with a space", OK.replace("name: t\n", "name: my graph\n"), "name"));
        all.add(graph("name of 65 characters", OK.replace("name: t\n", "name: " + "x".repeat(65) + "\n"), "name"));
        all.add(graph("unknown engine", OK + "engine: gcp\n", "engine"));
        all.add(graph("ftp store", OK + "store: ftp://host/runs\n", "store").args("validate"));
        all.add(graph("unknown mode", OK + "mode: sometimes\n", "mode"));
        all.add(graph(
                "upfront with tolerance",
                "name: t\nmode: upfront\n" + ITEMS + JOB
                        + "stages: [{name: s, jobDefinition: sh, toleratedFailureCount: 1}, {name: b, jobDefinition: sh, dependsOn: [s]}]\n",
                "mode"));
        all.add(graph("empty stages", "name: t\n" + ITEMS + JOB + "stages: []\n", "stages"));
        all.add(graph("no stages", "name: t\n" + ITEMS + JOB, "stages"));
        all.add(graph(
                "bogus item store",
                "name: t\nplan: {items: {list: [a]}, itemStore: redis}\n" + JOB
                        + "stages: [{name: s, jobDefinition: sh}]\n",
                "plan.itemStore"));
        all.add(graph(
                "dynamodb items on the local engine",
                "name: t\nplan: {items: {list: [a]}, itemStore: 'dynamodb:tbl'}\n" + JOB
                        + "stages: [{name: s, jobDefinition: sh}]\n",
                "plan.itemStore"));
        all.add(graph(
                "unknown item layout",
                "name: t\nplan: {items: {list: [a]}, itemLayout: zipped}\n" + JOB
                        + "stages: [{name: s, jobDefinition: sh}]\n",
                "plan.itemLayout"));
        all.add(graph(
                        "packed items in a DynamoDB table",
                        "name: t\nengine: aws\nregion: eu-west-1\nstore: s3://b/r\n"
                                + "plan: {items: {list: [a]}, itemStore: 'dynamodb:tbl', itemLayout: packed}\n" + JOB
                                + "stages: [{name: s, jobDefinition: sh}]\n",
                        "plan.itemLayout")
                .args("validate"));
        all.add(graph(
                "array stage without items",
                "name: t\n" + JOB + "stages: [{name: s, jobDefinition: sh}]\n",
                "plan.items"));
        all.add(graph(
                "two item sources",
                "name: t\nplan: {items: {list: [a], file: i.csv}}\n" + JOB + "stages: [{name: s, jobDefinition: sh}]\n",
                "plan.items"));
        all.add(items("item file of an unsupported type", "items.txt", "plan.items.file")
                .with("items.txt", "a\n"));
        all.add(graph(
                "items s3 without scheme",
                "name: t\nplan: {items: {s3: bucket/prefix}}\n" + JOB + "stages: [{name: s, jobDefinition: sh}]\n",
                "plan.items.s3"));
        all.add(graph("misspelt top-level field", OK + "stagse: []\n", "stagse"));
        all.add(graph(
                "unknown plan field",
                "name: t\nplan: {items: {list: [a]}, chunk: 5}\n" + JOB + "stages: [{name: s, jobDefinition: sh}]\n",
                "chunk"));
        all.add(graph(
                "unknown items field",
                "name: t\nplan: {items: {list: [a], sheets: x}}\n" + JOB + "stages: [{name: s, jobDefinition: sh}]\n",
                "sheets"));
        // stages
        all.add(stage("misspelt stage field", "timout: 600", "timout"));
        all.add(withStages("stage without a name", "  - {jobDefinition: sh}\n", "stages[0].name"));
        all.add(withStages("stage name with a space", "  - {name: 'a b', jobDefinition: sh}\n", "stages[0].name"));
        all.add(withStages(
                "stage name of 65 characters",
                "  - {name: " + "s".repeat(65) + ", jobDefinition: sh}\n",
                "stages[0].name"));
        all.add(withStages(
                "two stages of one name",
                "  - {name: s, jobDefinition: sh}\n  - {name: s, jobDefinition: sh}\n",
                "stages[1].name"));
        all.add(withStages("stage without a job definition", "  - {name: s}\n", "stages[0].jobDefinition"));
        all.add(withStages(
                "undeclared job definition", "  - {name: s, jobDefinition: nope}\n", "stages[0].jobDefinition"));
        all.add(stage("timeout under 60", "timeout: 59", "stages[0].timeout"));
        all.add(stage("timeout as words", "timeout: ten", "stages[0].timeout"));
        all.add(stage("timeout as a list", "timeout: [1]", "stages[0].timeout"));
        all.add(stage("retry attempts 0", "retry: {attempts: 0}", "stages[0].retry.attempts"));
        all.add(stage("retry attempts 11", "retry: {attempts: 11}", "stages[0].retry.attempts"));
        all.add(stage(
                "six exit rules",
                "retry: {attempts: 2, evaluateOnExit: ["
                        + String.join(", ", java.util.Collections.nCopies(6, "{onExitCode: '1', action: RETRY}"))
                        + "]}",
                "stages[0].retry.evaluateOnExit"));
        all.add(stage(
                "exit rule without action",
                "retry: {attempts: 2, evaluateOnExit: [{onExitCode: '1'}]}",
                "stages[0].retry.evaluateOnExit[0].action"));
        all.add(stage(
                "exit rule without condition",
                "retry: {attempts: 2, evaluateOnExit: [{action: RETRY}]}",
                "stages[0].retry.evaluateOnExit[0]"));
        all.add(stage(
                "exit code pattern with letters",
                "retry: {attempts: 2, evaluateOnExit: [{onExitCode: abc, action: EXIT}]}",
                "stages[0].retry.evaluateOnExit[0].onExitCode"));
        all.add(stage(
                "reason pattern with '!'",
                "retry: {attempts: 2, evaluateOnExit: [{onReason: 'bad!', action: EXIT}]}",
                "stages[0].retry.evaluateOnExit[0].onReason"));
        all.add(stage(
                "unknown retry action",
                "retry: {attempts: 2, evaluateOnExit: [{onExitCode: '1', action: REPEAT}]}",
                "stages[0].retry.evaluateOnExit[0].action"));
        all.add(stage("maxConcurrency 0", "maxConcurrency: 0", "stages[0].maxConcurrency"));
        all.add(stage("tolerated 101 percent", "toleratedFailurePercent: 101", "stages[0].toleratedFailurePercent"));
        all.add(stage("tolerated -1 percent", "toleratedFailurePercent: -1", "stages[0].toleratedFailurePercent"));
        all.add(stage("tolerated -1 failures", "toleratedFailureCount: -1", "stages[0].toleratedFailureCount"));
        all.add(stage("both tolerances", "toleratedFailureCount: 1, toleratedFailurePercent: 5", "stages[0]"));
        all.add(stage("retryFailedItems 11", "retryFailedItems: 11", "stages[0].retryFailedItems"));
        all.add(stage("retryFailedItems -1", "retryFailedItems: -1", "stages[0].retryFailedItems"));
        all.add(stage("sequential as words", "sequential: sometimes", "stages[0].sequential"));
        all.add(stage("unknown stage type", "type: batch", "stages[0].type"));
        all.add(stage("schedulingPriority 10000", "schedulingPriority: 10000", "stages[0].schedulingPriority"));
        all.add(stage("schedulingPriority -1", "schedulingPriority: -1", "stages[0].schedulingPriority"));
        all.add(stage(
                "51 tags",
                "tags: {"
                        + java.util.stream.IntStream.range(0, 51)
                                .mapToObj(i -> "k" + i + ": v")
                                .collect(Collectors.joining(", "))
                        + "}",
                "stages[0].tags"));
        all.add(stage("reserved aws: tag", "tags: {'aws:owner': me}", "stages[0].tags"));
        all.add(stage("vcpus -1", "vcpus: -1", "stages[0].vcpus"));
        all.add(stage("vcpus 0", "vcpus: 0", "stages[0].vcpus"));
        all.add(stage("vcpus as words", "vcpus: two", "stages[0].vcpus"));
        all.add(stage("vcpus 1.5", "vcpus: 1.5", "stages[0].vcpus"));
        all.add(stage("vcpus past int", "vcpus: 99999999999", "vcpus"));
        all.add(stage("memory 0", "memory: 0", "stages[0].memory"));
        all.add(stage("memory 3", "memory: 3", "stages[0].memory"));
        all.add(stage("memory -512", "memory: -512", "stages[0].memory"));
        all.add(stage("command as text", "command: 'python3 job.py'", "stages[0].command"));
        all.add(stage("environment as a list", "environment: [A, B]", "stages[0].environment"));
        all.add(stage("environment name 1BAD", "environment: {1BAD: x}", "stages[0].environment.1BAD"));
        all.add(stage("environment name A-B", "environment: {A-B: x}", "stages[0].environment.A-B"));
        all.add(stage("environment name ''", "environment: {'': x}", "stages[0].environment.''"));
        all.add(stage("environment name A=B", "environment: {'A=B': x}", "stages[0].environment.A=B"));
        all.add(stage("environment name with a space", "environment: {'A B': x}", "stages[0].environment.A B"));
        all.add(stage("environment AWS_BATCH_X", "environment: {AWS_BATCH_X: x}", "stages[0].environment.AWS_BATCH_X"));
        all.add(stage(
                "environment BATCHGRAPH_ITEMS_URI",
                "environment: {BATCHGRAPH_ITEMS_URI: x}",
                "stages[0].environment.BATCHGRAPH_ITEMS_URI"));
        all.add(stage(
                "environment BATCHGRAPH_RUN_ID",
                "environment: {BATCHGRAPH_RUN_ID: x}",
                "stages[0].environment.BATCHGRAPH_RUN_ID"));
        all.add(stage("environment value a list", "environment: {A: [1]}", "stages[0].environment.A"));
        all.add(stage("parameters as a list", "parameters: [a]", "stages[0].parameters"));
        all.add(stage("timeout past int", "timeout: 99999999999", "stages[0].timeout"));
        all.add(stage("queue with a space", "queue: 'a b'", "stages[0].queue"));
        all.add(graph("graph queue with a slash", OK + "queue: a/b\n", "queue"));
        all.add(stage("share identifier with '-'", "shareIdentifier: a-b", "stages[0].shareIdentifier"));
        all.add(stage("empty command override", "command: []", "stages[0].command"));
        all.add(stage("command with a null word", "command: [a, null]", "stages[0].command[1]"));
        // dependencies
        all.add(withStages(
                "depends on an unknown stage",
                "  - {name: s, jobDefinition: sh, dependsOn: [nope]}\n",
                "stages[0].dependsOn[0].stage"));
        all.add(withStages(
                "depends on itself",
                "  - {name: s, jobDefinition: sh, dependsOn: [s]}\n",
                "stages[0].dependsOn[0].stage"));
        all.add(withStages(
                "dependency listed twice",
                "  - {name: s, jobDefinition: sh}\n  - {name: b, jobDefinition: sh, dependsOn: [s, s]}\n",
                "stages[1].dependsOn[1].stage"));
        all.add(withStages(
                "SEQUENTIAL between stages",
                "  - {name: s, jobDefinition: sh}\n"
                        + "  - {name: b, jobDefinition: sh, dependsOn: [{stage: s, type: SEQUENTIAL}]}\n",
                "stages[1].dependsOn[0].type"));
        all.add(withStages(
                "unknown dependency type",
                "  - {name: s, jobDefinition: sh}\n"
                        + "  - {name: b, jobDefinition: sh, dependsOn: [{stage: s, type: ALL}]}\n",
                "stages[1].dependsOn[0].type"));
        all.add(withStages(
                "N_TO_N from a single stage",
                "  - {name: s, type: single, jobDefinition: sh}\n"
                        + "  - {name: b, jobDefinition: sh, dependsOn: [{stage: s, type: N_TO_N}]}\n",
                "stages[1].dependsOn[0].type"));
        all.add(withStages(
                "N_TO_N after a tolerant stage",
                "  - {name: s, jobDefinition: sh, toleratedFailureCount: 1}\n"
                        + "  - {name: b, jobDefinition: sh, dependsOn: [{stage: s, type: N_TO_N}]}\n",
                "stages[1].dependsOn[0].type"));
        all.add(withStages(
                "a stage after cleanup",
                "  - {name: c, type: cleanup}\n  - {name: b, jobDefinition: sh, dependsOn: [c]}\n",
                "stages[1].dependsOn[0].stage"));
        all.add(withStages(
                "dependency cycle",
                "  - {name: a, jobDefinition: sh, dependsOn: [b]}\n"
                        + "  - {name: b, jobDefinition: sh, dependsOn: [a]}\n",
                "dependsOn"));
        all.add(withStages(
                "dependency without a stage",
                "  - {name: s, jobDefinition: sh}\n"
                        + "  - {name: b, jobDefinition: sh, dependsOn: [{type: N_TO_N}]}\n",
                "stages[1].dependsOn[0]"));
        all.add(withStages(
                "21 dependencies",
                java.util.stream.IntStream.range(0, 21)
                                .mapToObj(i -> "  - {name: s" + i + ", jobDefinition: sh}\n")
                                .collect(Collectors.joining())
                        + "  - {name: z, jobDefinition: sh, dependsOn: ["
                        + java.util.stream.IntStream.range(0, 21)
                                .mapToObj(i -> "s" + i)
                                .collect(Collectors.joining(", "))
                        + "]}\n",
                "stages[21].dependsOn"));
        all.add(withStages(
                "sequential single stage",
                "  - {name: s, type: single, jobDefinition: sh, sequential: true}\n",
                "stages[0].sequential"));
        all.add(withStages(
                "tolerance on a single stage",
                "  - {name: s, type: single, jobDefinition: sh, toleratedFailureCount: 1}\n",
                "stages[0]"));
        all.add(withStages(
                "two cleanup stages",
                "  - {name: s, jobDefinition: sh}\n  - {name: c1, type: cleanup}\n" + "  - {name: c2, type: cleanup}\n",
                "stages[2].type"));
        // counts
        all.add(withStages(
                "count on an array stage", "  - {name: s, jobDefinition: sh, count: 2}\n", "stages[0].count"));
        all.add(count("count 0", "0", "stages[1].count"));
        all.add(count("count 10001", "10001", "stages[1].count"));
        all.add(count("count 2.5", "2.5", "stages[1].count"));
        all.add(count("count past int", "99999999999", "stages[1].count"));
        all.add(count("count of an unknown word", "'rows / 2'", "stages[1].count"));
        all.add(count("count divided by zero", "'items / 0'", "stages[1].count"));
        all.add(count("count with an open parenthesis", "'ceil(items'", "stages[1].count"));
        all.add(count(
                "count 50,000 parentheses deep",
                "'" + "(".repeat(50_000) + "items" + ")".repeat(50_000) + "'",
                "stages[1].count"));
        all.add(count(
                "count 21 parentheses deep", "'" + "(".repeat(21) + "items" + ")".repeat(21) + "'", "stages[1].count"));
        all.add(count("count expression of 300 characters", "'" + "items + ".repeat(37) + "items'", "stages[1].count"));
        all.add(count("count items * 1000000000000", "'items * 1000000000000'", "stages[1].count"));
        all.add(count("count items - 100", "'items - 100'", "stages[1].count"));
        all.add(count("count items * 5000", "'items * 5000'", "stages[1].count"));
        all.add(count("count from an unknown stage", "{partitionsFrom: nope}", "stages[1].count.partitionsFrom"));
        all.add(count("count with an unknown field", "{every: 2}", "stages[1].count"));
        all.add(count("count with no form", "{}", "stages[1].count"));
        all.add(count("count with two forms", "{fixed: 2, expression: items}", "stages[1].count"));
        all.add(count("count.fixed as words", "{fixed: two}", "stages[1].count"));
        // job definitions
        all.add(definitions(
                "job definition name with a space",
                "{'a b': {command: [sh]}, sh: {command: [sh]}}",
                "jobDefinitions.a b"));
        all.add(definitions("empty job definition", "{sh: }", "jobDefinitions.sh"));
        all.add(definitions("local job definition without command", "{sh: {image: x}}", "jobDefinitions.sh.command"));
        all.add(definitions(
                "job definition timeout 30", "{sh: {command: [sh], timeout: 30}}", "jobDefinitions.sh.timeout"));
        all.add(definitions(
                "job definition retry 0",
                "{sh: {command: [sh], retry: {attempts: 0}}}",
                "jobDefinitions.sh.retry.attempts"));
        all.add(definitions("job definition vcpus -1", "{sh: {command: [sh], vcpus: -1}}", "jobDefinitions.sh.vcpus"));
        all.add(definitions("job definition memory 0", "{sh: {command: [sh], memory: 0}}", "jobDefinitions.sh.memory"));
        all.add(definitions(
                "job definition environment 1BAD",
                "{sh: {command: [sh], environment: {1BAD: x}}}",
                "jobDefinitions.sh.environment.1BAD"));
        all.add(definitions(
                "job definition environment BATCHGRAPH_X",
                "{sh: {command: [sh], environment: {BATCHGRAPH_X: x}}}",
                "jobDefinitions.sh.environment.BATCHGRAPH_X"));
        all.add(definitions("job definition unknown field", "{sh: {command: [sh], cpu: 2}}", "cpu"));
        all.add(definitions(
                        "local revision that was never registered", "{sh: {command: [sh]}}", "stages[0].jobDefinition")
                .replace("jobDefinition: sh}", "jobDefinition: 'sh:2'}"));
        // YAML itself
        all.add(graph(
                "stages as a mapping", "name: t\n" + ITEMS + JOB + "stages: {s: {jobDefinition: sh}}\n", "stages"));
        all.add(graph(
                "duplicate top-level key",
                "name: t\nname: u\n" + ITEMS + JOB + "stages: [{name: s, jobDefinition: sh}]\n",
                "line 2"));
        all.add(graph(
                "duplicate stage key",
                "name: t\n" + ITEMS + JOB + "stages:\n  - name: s\n    jobDefinition: sh\n    jobDefinition: other\n",
                "line 7"));
        all.add(graph(
                "duplicate environment key",
                "name: t\n" + ITEMS + JOB
                        + "stages:\n  - name: s\n    jobDefinition: sh\n    environment:\n      A: 1\n      A: 2\n",
                "line 9"));
        all.add(graph("YAML syntax error", "name: t\nstages: [{name: s\n", "line"));
        all.add(graph("tab indentation", "name: t\nstages:\n\t- {name: s}\n", "line"));
        all.add(graph("a YAML list, not a mapping", "- name: t\n", "(file)"));
        all.add(graph("two YAML documents", OK + "---\nname: other\n", "more than one YAML document"));
        all.add(graph(
                "an empty stage entry",
                "name: t\n" + ITEMS + JOB + "stages: [{name: s, jobDefinition: sh}, null]\n",
                "stages[1]"));
        all.add(stage("an empty dependency entry", "dependsOn: [null]", "stages[0].dependsOn[0]"));
        all.add(graph(
                        "sheet on a CSV file",
                        "name: t\nplan: {items: {file: i.csv, sheet: Items}}\n" + JOB
                                + "stages: [{name: s, jobDefinition: sh}]\n",
                        "plan.items.sheet")
                .with("i.csv", "id\n1\n"));
        all.add(graph("an empty file", "", "(file)"));
        all.add(graph("a 2 MB graph file", OK + "# " + "x".repeat(2 * 1024 * 1024) + "\n", "g.yaml"));
        all.add(graph(
                "nested 100 deep", OK + "x: " + "[".repeat(100) + "]".repeat(100) + "\n", "nests deeper than 32"));
        all.add(graph(
                "anchors under an unknown field",
                "name: t\n" + ITEMS + JOB + "stages: [{name: s, jobDefinition: sh}]\n"
                        + "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
                "unknown field 'a'"));
        all.add(new Case(
                "graph file not UTF-8",
                null,
                Map.of("g.yaml", new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n'}),
                List.of("run"),
                "g.yaml"));
        // notifications
        all.add(notify("email without @", "{email: {to: [not-an-email]}}", "notify.onFailure[0].email.to[0]"));
        all.add(notify("email with two @", "{email: {to: ['a@b@c.com']}}", "notify.onFailure[0].email.to[0]"));
        all.add(notify("email with a space", "{email: {to: ['a b@c.com']}}", "notify.onFailure[0].email.to[0]"));
        all.add(notify("email empty", "{email: {to: ['']}}", "notify.onFailure[0].email.to[0]"));
        all.add(notify("email without recipients", "{email: {to: []}}", "notify.onFailure[0].email.to"));
        all.add(notify(
                "email from invalid",
                "{email: {to: [ops@example.com], from: 'me@'}}",
                "notify.onFailure[0].email.from"));
        all.add(notify(
                "email port 70000",
                "{email: {to: [ops@example.com], smtpPort: 70000}}",
                "notify.onFailure[0].email.smtpPort"));
        all.add(notify(
                "email security magic",
                "{email: {to: [ops@example.com], security: magic}}",
                "notify.onFailure[0].email.security"));
        all.add(notify(
                "email passwordEnv 1X",
                "{email: {to: [ops@example.com], passwordEnv: 1X}}",
                "notify.onFailure[0].email.passwordEnv"));
        all.add(notify(
                "slack webhookUrlEnv A-B", "{slack: {webhookUrlEnv: A-B}}", "notify.onFailure[0].slack.webhookUrlEnv"));
        all.add(notify(
                "two kinds in one target",
                "{slack: {}, sns: {topicArn: 'arn:aws:sns:eu-west-1:123456789012:t'}}",
                "notify.onFailure[0]"));
        all.add(notify("empty target", "{}", "notify.onFailure[0]"));
        all.add(notify("SNS topic not an ARN", "{sns: {topicArn: my-topic}}", "notify.onFailure[0].sns.topicArn"));
        all.add(notify("unknown target kind", "{teams: {url: x}}", "teams"));
        all.add(graph("unknown notify outcome", OK + "notify: {onError: []}\n", "onError"));
        // item files
        all.add(items("CSV with an unclosed quote", "i.csv", "i.csv:3")
                .with("i.csv", "id,name\n1,a\n2,\"unclosed\n3,c\n"));
        all.add(items("CSV row with too many values", "i.csv", "i.csv:3").with("i.csv", "id,name\n1,a\n2,b,extra\n"));
        all.add(items("CSV row with too few values", "i.csv", "i.csv:3").with("i.csv", "id,name\n1,a\n2\n"));
        all.add(items("CSV not UTF-8", "i.csv", "i.csv:3")
                .with("i.csv", new byte[] {'i', 'd', '\n', 'a', '\n', (byte) 0xe9, '\n'}));
        all.add(items("CSV header names a column twice", "i.csv", "i.csv:1").with("i.csv", "id,id\n1,2\n"));
        all.add(items("CSV header with an empty column", "i.csv", "i.csv:1").with("i.csv", "id,,x\n1,2,3\n"));
        all.add(items("CSV with a 2 MB line", "i.csv", "i.csv:2")
                .with("i.csv", "id\n" + "x".repeat(2 * 1024 * 1024) + "\n"));
        all.add(items("JSON with a syntax error", "i.json", "i.json:2").with("i.json", "[{\"id\": 1},\n {oops}]\n"));
        all.add(items("JSON that is not an array", "i.json", "i.json").with("i.json", "{\"id\": 1}\n"));
        all.add(items("JSON not UTF-8", "i.json", "i.json:1")
                .with("i.json", new byte[] {'[', '"', (byte) 0xff, '"', ']'}));
        all.add(items("JSON lines with a bad line", "i.jsonl", "i.jsonl:2").with("i.jsonl", "{\"id\": 1}\n{oops\n"));
        all.add(items("JSON lines with a 2 MB line", "i.jsonl", "i.jsonl:1")
                .with("i.jsonl", "\"" + "x".repeat(2 * 1024 * 1024) + "\"\n"));
        all.add(items("xlsx that is not a workbook", "i.xlsx", "i.xlsx").with("i.xlsx", "id,name\n1,a\n"));
        all.add(items("empty xlsx", "i.xlsx", "i.xlsx").with("i.xlsx", new byte[0]));
        all.add(items("xlsx truncated", "i.xlsx", "i.xlsx").with("i.xlsx", truncatedWorkbook()));
        all.add(graph(
                        "xlsx without the named sheet",
                        "name: t\nplan: {items: {file: i.xlsx, sheet: Nope}}\n" + JOB
                                + "stages: [{name: s, jobDefinition: sh}]\n",
                        "i.xlsx")
                .with("i.xlsx", workbook()));
        all.add(items("item file missing", "missing.csv", "plan.items.file"));
        all.add(items("item file is a folder", "folder.csv", "folder.csv").with("folder.csv/keep", "x"));
        all.add(graph(
                "item key not in the items",
                "name: t\nplan: {items: {list: [{id: a}], key: sku}}\n" + JOB
                        + "stages: [{name: s, jobDefinition: sh}]\n",
                "plan.items.key"));
        // command line
        all.add(graph("--run-id ../../x", OK, "--run-id").args("run", "--run-id", "../../x"));
        all.add(graph("--run-id empty", OK, "--run-id").args("run", "--run-id", ""));
        all.add(graph("--run-id with a space", OK, "--run-id").args("run", "--run-id", "a b"));
        all.add(graph("--run-id with a slash", OK, "--run-id").args("run", "--run-id", "a/b"));
        all.add(graph("--run-id .", OK, "--run-id").args("run", "--run-id", "."));
        all.add(graph("--run-id of 101 characters", OK, "--run-id").args("run", "--run-id", "r".repeat(101)));
        all.add(graph("--run-id of a run that exists", OK, "already exists")
                .with("runs/taken/state.json", "{}")
                .args("run", "--run-id", "taken"));
        all.add(graph("--set without =", OK, "--set").args("run", "--set", "timeout"));
        all.add(graph("--set of an unknown stage", OK, "--set").args("run", "--set", "stages.nope.timeout=600"));
        all.add(graph("--set making the timeout too short", OK, "stages[0].timeout")
                .args("run", "--set", "stages.s.timeout=5"));
        all.add(graph("--set of an unknown field", OK, "stages[0].frobs").args("run", "--set", "stages[0].frobs=1"));
        all.add(graph("--engine gcp", OK, "engine").args("run", "--engine", "gcp"));
        all.add(graph("--engine aws with a local store", OK, "store")
                .args("run", "--engine", "aws", "--region", "eu-west-1"));
        all.add(graph(
                        "--engine aws with a malformed endpoint",
                        OK.replace(JOB, "").replace("jobDefinition: sh", "jobDefinition: d")
                                + "store: s3://bucket/runs\n",
                        "--endpoint-url")
                .args("run", "--engine", "aws", "--region", "eu-west-1", "--endpoint-url", "not a url"));
        all.add(graph("--slots as words", OK, "--slots").args("run", "--slots", "many"));
        all.add(graph("--slots 0", OK, "--slots").args("run", "--slots", "0"));
        all.add(graph("--store empty", OK, "store").args("run", "--store", ""));
        all.add(graph("unknown option", OK, "--frobnicate").args("run", "--frobnicate"));
        all.add(new Case("graph file missing", null, Map.of(), List.of("run"), "g.yaml"));
        // validate checks what run checks
        all.add(graph("validate --engine aws with a local store", OK, "store")
                .args("validate", "--engine", "aws", "--region", "eu-west-1"));
        all.add(graph(
                        "validate, file engine aws with a local store",
                        OK.replace(JOB, "") + "engine: aws\nregion: eu-west-1\n",
                        "store")
                .args("validate"));
        all.add(items("validate --plan with a ragged CSV", "i.csv", "i.csv:2")
                .with("i.csv", "id\n1,2\n")
                .args("validate", "--plan"));
        all.add(count("validate --plan with an unbounded count", "'items * 1000000000000'", "stages[1].count")
                .args("validate", "--plan"));
        all.add(stage("validate with vcpus -1", "vcpus: -1", "stages[0].vcpus").args("validate"));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputExitsTwoNamesTheFieldAndCreatesNothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @AfterAll
    static void report() {
        System.out.println("bad inputs tried: " + TRIED.size() + ", rejected as required: " + REJECTED.size());
    }

    private static void check(Case c) throws Exception {
        TRIED.add(c.name());
        Path dir = Files.createTempDirectory("bad-input");
        try {
            Path marker = dir.resolve("ran.txt");
            Path graphFile = dir.resolve("g.yaml");
            if (c.graph() != null) {
                Files.writeString(graphFile, c.graph().replace("MARKER", marker.toString()));
            }
            for (Map.Entry<String, byte[]> file : c.files().entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            Path store = dir.resolve("runs");
            Set<String> before = tree(dir);
            List<String> args = new ArrayList<>();
            args.add(c.args().get(0));
            args.add(graphFile.toString());
            if (args.get(0).equals("run") && !c.args().contains("--store")) {
                args.add("--store");
                args.add(store.toUri().toString());
            }
            args.add("--json");
            args.addAll(c.args().subList(1, c.args().size()));

            CliRunner.Outcome run = CliRunner.run(args.toArray(String[]::new));

            String context = c.name() + "\nstdout: " + run.out() + "\nstderr: " + run.err();
            assertThat(run.exitCode()).as(context).isEqualTo(2);
            assertThat(run.err()).as(context).contains(c.names());
            JsonNode report = onlyJsonObject(run.out(), context);
            assertThat(report.path("outcome").asText()).as(context).isEqualTo("INVALID");
            assertThat(report.path("errors")).as(context).isNotEmpty();
            for (JsonNode error : report.path("errors")) {
                assertThat(error.has("path") && error.has("message") && error.has("fix"))
                        .as(context)
                        .isTrue();
            }
            assertThat(report.path("errors").toString())
                    .as(context)
                    .contains(JSON.writeValueAsString(c.names()).replaceAll("^\"|\"$", ""));
            assertThat(run.err() + run.out())
                    .as(context)
                    .doesNotContain("java.lang.", "java.util.", "Cannot deserialize");
            assertThat(tree(dir)).as(context + "\n(nothing may be created)").isEqualTo(before);
            assertThat(Files.exists(store) ? tree(store) : Set.of())
                    .as(context)
                    .isEqualTo(
                            c.files().keySet().stream().anyMatch(f -> f.startsWith("runs/"))
                                    ? Set.of("", "taken", "taken/state.json")
                                    : Set.of());
            assertThat(marker).as(context + "\n(no job may run)").doesNotExist();
            REJECTED.add(c.name());
        } finally {
            deleteTree(dir);
        }
    }

    private static JsonNode onlyJsonObject(String out, String context) throws IOException {
        String text = out.strip();
        assertThat(text).as(context).startsWith("{").endsWith("}").doesNotContain("\n");
        return JSON.readTree(text);
    }

    private static Set<String> tree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static byte[] workbook() {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            wb.createSheet("Items").createRow(0).createCell(0).setCellValue("id");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] truncatedWorkbook() {
        byte[] whole = workbook();
        return java.util.Arrays.copyOf(whole, whole.length / 2);
    }
}
