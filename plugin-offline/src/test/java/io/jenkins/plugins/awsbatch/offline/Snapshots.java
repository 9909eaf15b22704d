package io.jenkins.plugins.awsbatch.offline;

import io.jenkins.plugins.awsbatch.exec.GraphStepExecution;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** An execution as Pipeline persists it (Java serialisation), and read back as after a restart. */
public final class Snapshots {
    private Snapshots() {}

    public static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    public static GraphStepExecution deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (GraphStepExecution) in.readObject();
        }
    }
}
