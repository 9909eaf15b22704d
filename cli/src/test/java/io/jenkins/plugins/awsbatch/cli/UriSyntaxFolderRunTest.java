package io.jenkins.plugins.awsbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example, copied into a folder whose name has '?', '#', '%41' and a space, runs whole: its
 * Python jobs parse the escaped BATCHGRAPH_*_URI values back to that folder, and nothing lands beside it.
 */
class UriSyntaxFolderRunTest {
    @TempDir
    Path dir;

    @Test
    void theExampleRunsInAFolderNamedWithUriSyntax() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ex a?b#c%41"));
        try (Stream<Path> files = Files.list(Path.of("../examples/recommendations"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Path store = folder.resolve("runs");

        CliRunner.Outcome run = CliRunner.run(
                "run",
                folder.resolve("batchgraph.yaml").toString(),
                "--json",
                "--store",
                store.toUri().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.get("runUri").asText()).contains("/ex%20a%3Fb%23c%2541/runs/");
        Path runFolder = Path.of(URI.create(result.get("runUri").asText()));
        assertThat(runFolder.getParent()).isEqualTo(store);
        assertThat(Files.readAllLines(runFolder.resolve("stages/merge/output/recommendations.csv")))
                .hasSize(20);
        try (Stream<Path> beside = Files.list(dir)) {
            assertThat(beside).containsExactly(folder); // the run was not split at '?' or '#'
        }
    }
}
