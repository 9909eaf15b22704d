package io.jenkins.plugins.awsbatch.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder named with URI syntax ('?', '#', '%', spaces) is one folder: its URI escapes them and reads back. */
class LocalObjectStoreUriTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithQuestionMarkHashAndPercentRoundTripsThroughItsUri() throws Exception {
        Path weird = Files.createDirectories(dir.resolve("we?ird #%41"));
        String uri = LocalObjectStore.toUri(weird);

        assertThat(uri).startsWith("file:///").endsWith("/we%3Fird%20%23%2541").doesNotEndWith("/");
        assertThat(LocalObjectStore.toPath(uri)).isEqualTo(weird);
        assertThat(Path.of(URI.create(uri))).as("what a job's URI parser sees").isEqualTo(weird);
        assertThat(LocalObjectStore.canonical(uri)).isEqualTo(uri);
    }

    @Test
    void runDataUnderSuchAFolderIsWrittenListedAndReadWhereItBelongs() {
        Path weird = dir.resolve("a?b#c%41");
        RunLayout layout = new RunLayout(LocalObjectStore.toUri(weird), "run-1");
        LocalObjectStore store = new LocalObjectStore();

        store.put(layout.itemUri(0), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(weird.resolve("run-1/items/0.json")).exists();
        assertThat(store.list(layout.itemsUri() + "/")).containsExactly(layout.itemUri(0));
        assertThat(store.get(layout.itemUri(0))).isPresent();
        assertThat(dir.resolve("a")).doesNotExist(); // the run is not split at '?'
        assertThat(store.deletePrefix(layout.itemsUri() + "/", layout.runUri())).isEqualTo(1);
    }

    @Test
    void aTypedAbsoluteUriWithAQuestionMarkIsThePathItSpells() {
        Path typed = LocalObjectStore.toPath("file://" + dir + "/x?y");
        assertThat(typed).isEqualTo(dir.resolve("x?y"));
        assertThat(LocalObjectStore.toPath("file://" + dir + "/with space")).isEqualTo(dir.resolve("with space"));
    }
}
