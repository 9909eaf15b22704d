package io.jenkins.plugins.awsbatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.run.state.Outcome;
import io.jenkins.plugins.awsbatch.engine.run.state.RunResult;
import io.jenkins.plugins.awsbatch.engine.run.track.FailureDigest;
import io.jenkins.plugins.awsbatch.engine.store.JobEnvironmentDoc;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packed plan end to end on the local engine: children read their items with the reading code of
 * docs/job-environment.md (the local shell function, also through a retry round's index map, and the
 * standard-library Python), and cleanup deletes the packed objects.
 */
class PackedItemsReadingTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void childrenReadTheirOwnPackedItemWithTheDocumentedShellAndPythonCode() throws Exception {
        int count = 12;
        List<JsonNode> records = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            JsonNode record = json.createObjectNode()
                    .put("id", "it" + i)
                    .put("text", "ünï \"quoted\"\nline " + i)
                    .put("n", i);
            records.add(record);
            lines.append(json.writeValueAsString(record)).append('\n');
        }
        Files.writeString(dir.resolve("items.jsonl"), lines);
        Path shell = dir.resolve("read-item.sh");
        Files.writeString(shell, JobEnvironmentDoc.snippet("sh", "dd if="));
        Path python = dir.resolve("read_item.py");
        Files.writeString(python, JobEnvironmentDoc.snippet("python", "urllib.parse") + """

                import sys
                record = batchgraph_item()
                position = int(os.environ.get("BATCHGRAPH_INDEX_OFFSET", "0")) + int(os.environ.get("AWS_BATCH_JOB_ARRAY_INDEX", "0"))
                out = path_of(os.environ["BATCHGRAPH_OUTPUT_URI"])
                os.makedirs(out, exist_ok=True)
                with open(os.path.join(out, "%d.json" % position), "w") as f:
                    json.dump(record, f)
                """);
        Path failedOnce = dir.resolve("failed-once");

        // item 3 fails its first round: the retry round reaches it through an index map ([3])
        RunResult result = new LocalRunHarness(dir).run("""
                name: packed
                plan: {items: {file: items.jsonl, key: id}, itemLayout: packed}
                jobDefinitions:
                  sh: {command: [sh, -c, 'true']}
                stages:
                  - name: shell
                    jobDefinition: sh
                    retryFailedItems: 1
                    command: [sh, -c, '. %s; d=${BATCHGRAPH_OUTPUT_URI#file://}; mkdir -p "$d"; test "$BATCHGRAPH_ITEMS_LAYOUT" = packed || exit 9; batchgraph_item "$d/.tmp-$$"; if [ "$i" = 3 ] && [ ! -f %s ]; then touch %s; exit 3; fi; mv "$d/.tmp-$$" "$d/$i.json"']
                  - name: python
                    jobDefinition: sh
                    dependsOn: [shell]
                    command: [python3, %s]
                  - name: keep
                    type: aggregate
                    jobDefinition: sh
                    dependsOn: [shell, python]
                    command: [sh, -c, 'o=${BATCHGRAPH_OUTPUT_URI#file://}; s=${BATCHGRAPH_RUN_URI#file://}/stages; mkdir -p $o; cp -r $s/shell/output $o/shell; cp -r $s/python/output $o/python; ls ${BATCHGRAPH_ITEMS_URI#file://} > $o/items.txt']
                    count: 1
                  - {name: cleanup, type: cleanup}
                """.formatted(shell, failedOnce, failedOnce, python));

        assertThat(result.outcome()).as(FailureDigest.oneLine(result)).isEqualTo(Outcome.SUCCEEDED);
        assertThat(failedOnce).exists();
        Path run = LocalObjectStore.toPath(result.runUri());
        Path kept = run.resolve("stages/keep/output");
        for (int i = 0; i < count; i++) {
            assertThat(json.readTree(kept.resolve("shell/" + i + ".json").toFile()))
                    .as("shell item %d", i)
                    .isEqualTo(records.get(i));
            assertThat(json.readTree(kept.resolve("python/" + i + ".json").toFile()))
                    .as("python item %d", i)
                    .isEqualTo(records.get(i));
        }
        assertThat(Files.readString(kept.resolve("items.txt")).lines()).containsExactly("0.jsonl", "offsets.txt");
        assertThat(result.cleanup().deletedPrefixes())
                .anySatisfy(p -> assertThat(p).endsWith("/items/"));
        assertThat(run.resolve("items")).doesNotExist();
    }
}
