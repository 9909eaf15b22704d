package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java
public abstract class AbstractItem extends Actionable implements Item {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java
    protected AbstractItem(ItemGroup parent, String name) {
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractItem.java
    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("shim");
    }
}
