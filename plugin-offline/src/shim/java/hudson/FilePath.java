package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/FilePath.java
public final class FilePath implements SerializableOnlyOverRemoting {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/FilePath.java
    public FilePath(@NonNull File localPath) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/FilePath.java
    public boolean isRemote() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/FilePath.java
    public void copyTo(FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/FilePath.java
    public String getRemote() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/FilePath.java
    public @NonNull FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/FilePath.java
    public void write(final String content, final String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/FilePath.java
    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/FilePath.java
    public String readToString() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("shim");
    }
}
