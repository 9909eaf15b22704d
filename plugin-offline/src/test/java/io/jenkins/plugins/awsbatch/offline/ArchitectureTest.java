package io.jenkins.plugins.awsbatch.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked over the sources: the plugin drives runs only through the
 * engine's host API (never the runner, the journal, the lock or the array layout), and the engine (its modules
 * batch-api, local-engine and engine) knows no Jenkins type.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("..");
    /** A qualified name in an import or inline in code: {@code a.b.C}, {@code a.b.c.D}. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z][\\w]*\\.)+[A-Z]\\w*)");

    private static final String ENGINE = "io.jenkins.plugins.awsbatch.engine.";

    /** The engine's run machinery: a host reaches it through {@code engine.host} only. */
    private static final List<String> ENGINE_INTERNALS = List.of(
            ENGINE + "run.GraphRunner",
            ENGINE + "run.RunCleaner",
            ENGINE + "run.ValidatedRun",
            ENGINE + "run.ValidatedExtension",
            ENGINE + "run.state.RunJournal",
            ENGINE + "run.state.IndexMaps",
            ENGINE + "run.state.ItemJobs",
            ENGINE + "run.wiring.RunServices",
            // what is submitted and when, and how a run's jobs are judged: the runner's own parts
            ENGINE + "run.submit.",
            ENGINE + "run.track.RunTracker",
            ENGINE + "run.track.StageVerdicts",
            ENGINE + "run.track.StageJudge",
            ENGINE + "run.track.LostJobs",
            ENGINE + "run.track.CallFailures",
            // a stage's mutable state and its job records: a host reads engine.host.RunProgress instead
            ENGINE + "run.state.StageState",
            ENGINE + "run.state.JobRecord",
            ENGINE + "plan.Chunker",
            ENGINE + "plan.ArrayLayout",
            ENGINE + "plan.Planner",
            ENGINE + "lock.");

    private static final List<String> JENKINS =
            List.of("hudson.", "jenkins.", "org.jenkinsci.", "org.kohsuke.stapler.", "com.cloudbees.");

    @Test
    void thePluginDrivesRunsOnlyThroughTheHostApi() throws IOException {
        List<String> violations = namesUsed(ROOT.resolve("src/main/java"), ENGINE_INTERNALS);
        assertThat(violations).isEmpty();
    }

    /**
     * What the plugin may name of the engine, as an allow-list: the host API and the value types it takes and
     * returns, the services a Jenkins feature adapts (notifications, the S3 trigger, reports, event rules), and the
     * wiring a host implements {@code EngineAccess} with. A new engine type in the plugin is a design decision:
     * add it here, with docs/architecture.md.
     */
    private static final List<String> PLUGIN_MAY_NAME = List.of(
            ENGINE + "host.",
            ENGINE + "graph.",
            ENGINE + "run.state.",
            ENGINE + "notify.",
            ENGINE + "trigger.",
            ENGINE + "report.",
            ENGINE + "events.",
            ENGINE + "run.track.FailureDigest",
            ENGINE + "track.RunListener",
            ENGINE + "track.ProgressText",
            ENGINE + "batch.JobStatus",
            ENGINE + "batch.CallCounter",
            ENGINE + "batch.aws.AwsClients",
            ENGINE + "batch.aws.AwsSettings",
            ENGINE + "batch.aws.CredentialsSpec",
            ENGINE + "batch.aws.ProxySettings",
            ENGINE + "run.wiring.EngineFactory",
            ENGINE + "run.wiring.EngineOptions",
            ENGINE + "run.wiring.LazyStores",
            ENGINE + "run.wiring.RunEngine",
            ENGINE + "store.LocalObjectStore",
            ENGINE + "store.RunLayout",
            ENGINE + "store.StoreResolver",
            // the local engines a build's steps share, one per run folder (bridge.LocalEngines)
            ENGINE + "batch.local.LocalBatchService");

    @Test
    void thePluginNamesOnlyTheEngineTypesItIsAllowed() throws IOException {
        List<String> used = namesUsed(ROOT.resolve("src/main/java"), List.of(ENGINE));
        assertThat(used).as("the plugin names the engine at all").isNotEmpty();
        List<String> violations = used.stream()
                .filter(v -> {
                    String name = v.substring(v.lastIndexOf(' ') + 1);
                    return PLUGIN_MAY_NAME.stream()
                            .noneMatch(p -> p.endsWith(".")
                                    ? name.startsWith(p) && name.indexOf('.', p.length()) < 0
                                    : name.equals(p));
                })
                .toList();
        assertThat(violations).isEmpty();
    }

    /**
     * Reaching a stage's state through {@code RunState} needs no import, so it is checked as code: its stage map,
     * a stage's mutable fields, or a write to the run's own fields.
     */
    private static final List<Pattern> RUN_STATE_INTERNALS = List.of(
            Pattern.compile("\\.stages\\.(values|get|containsKey|keySet|entrySet|forEach|size)\\("),
            Pattern.compile("\\.stage\\([^()]*\\)\\s*\\.\\s*(status|reason|jobs|counts|failedItems|round)\\b"),
            Pattern.compile("(?<!\\bthis)\\.(outcome|finishedAt|startedAt|message|abortRequested|submitting"
                    + "|reruns|itemCount)\\s*=[^=]"));

    @Test
    void thePluginNeitherReadsStageStateNorWritesTheRunsState() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                for (Pattern p : RUN_STATE_INTERNALS) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        violations.add(ROOT.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Engine kinds are {@code EngineKind}'s: the plugin and the CLI never spell them as strings. */
    @Test
    void thePluginAndTheCliNameEngineKindsOnlyThroughEngineKind() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String sources : List.of("src/main/java", "cli/src/main/java")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(sources))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = Pattern.compile("\"(local|aws)\"").matcher(Files.readString(file));
                    while (m.find()) {
                        violations.add(ROOT.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** The engine's three modules (the Batch service API, the local engine, the engine) and the CLI. */
    private static final List<String> JENKINS_FREE_SOURCES = List.of(
            "batch-api/src/main/java", "local-engine/src/main/java", "engine/src/main/java", "cli/src/main/java");

    @Test
    void theEngineAndTheCliKnowNoJenkinsType() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String sources : JENKINS_FREE_SOURCES) {
            assertThat(ROOT.resolve(sources)).as(sources).isDirectory();
            violations.addAll(namesUsed(ROOT.resolve(sources), JENKINS));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCliDrivesRunsOnlyThroughTheHostApi() throws IOException {
        List<String> violations = namesUsed(
                ROOT.resolve("cli/src/main/java"),
                List.of(ENGINE + "run.GraphRunner", ENGINE + "run.RunCleaner", ENGINE + "lock.RunLock"));
        // AbortOnSignal wraps the runner a HostedRun hands out (a signal aborts it)
        violations.removeIf(v -> v.startsWith("cli/src/main/java/io/jenkins/plugins/awsbatch/cli/AbortOnSignal.java"));
        assertThat(violations).isEmpty();
    }

    /**
     * This module's tests mirror the plugin's packages: each lives in the package of the class it tests; only the
     * fakes and the checks over the whole build stay in {@code offline}.
     */
    @Test
    void eachPluginTestLivesInAPackageOfThePlugin() throws IOException {
        Path tests = Path.of("src/test/java/io/jenkins/plugins/awsbatch");
        Path main = ROOT.resolve("src/main/java/io/jenkins/plugins/awsbatch");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith("Test.java")).toList()) {
                Path pkg = tests.relativize(file.getParent());
                if (!pkg.toString().equals("offline") && !Files.isDirectory(main.resolve(pkg))) {
                    violations.add(tests.relativize(file).toString());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * {@code file: name} for every qualified name in {@code sources} that is one of {@code names} (a name ending in
     * a dot: any type of that package).
     */
    private static List<String> namesUsed(Path sources, List<String> names) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = QUALIFIED.matcher(Files.readString(file));
                while (m.find()) {
                    String name = m.group(1);
                    if (names.stream().anyMatch(p -> p.endsWith(".") ? name.startsWith(p) : name.equals(p))) {
                        found.add(ROOT.relativize(file) + ": " + name);
                    }
                }
            }
        }
        return found;
    }
}
