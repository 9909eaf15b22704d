package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/DescribableList.java
public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> extends PersistedList<T> {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/DescribableList.java
    protected DescribableList() {}
}
