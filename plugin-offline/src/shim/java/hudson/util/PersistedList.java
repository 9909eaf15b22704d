package hudson.util;

import java.util.AbstractList;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/PersistedList.java
public class PersistedList<T> extends AbstractList<T> {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/PersistedList.java
    protected PersistedList() {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/PersistedList.java
    @Override
    public boolean add(T item) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/PersistedList.java
    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/PersistedList.java
    @Override
    public int size() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/PersistedList.java
    @Override
    public void clear() {
        throw new UnsupportedOperationException("shim");
    }
}
