package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;
import jenkins.model.Jenkins;
import jenkins.util.io.OnMaster;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/ExtensionList.java
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/ExtensionList.java
    protected ExtensionList(Jenkins jenkins, Class<T> extensionType) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/ExtensionList.java
    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/ExtensionList.java
    @Override
    public int size() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/ExtensionList.java
    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("shim");
    }
}
