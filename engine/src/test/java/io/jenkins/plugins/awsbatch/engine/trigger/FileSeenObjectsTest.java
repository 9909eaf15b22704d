package io.jenkins.plugins.awsbatch.engine.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSeenObjectsTest {
    @TempDir
    Path dir;

    private static S3ObjectEvent object(String key, String eTag, String sequencer) {
        return new S3ObjectEvent("b", key, 1, eTag, sequencer, "ObjectCreated:Put", null);
    }

    @Test
    void survivesARestart() {
        Path file = dir.resolve("state/seen.txt");
        new FileSeenObjects(file).add(object("in/a b\nc.csv", "e1", "s1"));

        FileSeenObjects reopened = new FileSeenObjects(file);

        assertThat(reopened.contains(object("in/a b\nc.csv", "e1", "s9")))
                .as("same key and ETag")
                .isTrue();
        assertThat(reopened.contains(object("in/a b\nc.csv", "e2", "s2")))
                .as("new content")
                .isFalse();
        assertThat(reopened.contains(object("in/a b\nc.csv", null, "s1")))
                .as("no ETag: by sequencer")
                .isFalse();
    }

    @Test
    void aLineTornByACrashMidAppendIsIgnoredNotFatal() throws Exception {
        Path file = dir.resolve("seen.txt");
        new FileSeenObjects(file).add(object("in/a.csv", "e1", "s1"));
        Files.writeString(file, "in%2", java.nio.file.StandardOpenOption.APPEND); // a half-written "in%2Fb.csv..."

        FileSeenObjects reopened = new FileSeenObjects(file);
        assertThat(reopened.size()).isEqualTo(1);
        assertThat(reopened.contains(object("in/a.csv", "e1", "s1"))).isTrue();
        reopened.add(object("in/b.csv", "e2", "s2"));
        assertThat(new FileSeenObjects(file).contains(object("in/b.csv", "e2", "s2")))
                .as("not glued to the torn tail")
                .isTrue();
    }

    @Test
    void withoutETagTheSequencerDecides() {
        SeenObjects seen = SeenObjects.inMemory(10);
        seen.add(object("k", null, "s1"));

        assertThat(seen.contains(object("k", null, "s1"))).isTrue();
        assertThat(seen.contains(object("k", null, "s2"))).isFalse();
    }

    @Test
    void staysBoundedAndCompactsItsFile() throws Exception {
        Path file = dir.resolve("seen.txt");
        FileSeenObjects seen = new FileSeenObjects(file, 3);
        for (int i = 0; i < 10; i++) {
            seen.add(object("k" + i, "e", null));
        }

        assertThat(seen.size()).isEqualTo(3);
        assertThat(Files.readAllLines(file).size()).isLessThanOrEqualTo(6);
        FileSeenObjects reopened = new FileSeenObjects(file, 3);
        assertThat(reopened.contains(object("k9", "e", null))).isTrue();
        assertThat(reopened.contains(object("k0", "e", null))).isFalse();
    }
}
