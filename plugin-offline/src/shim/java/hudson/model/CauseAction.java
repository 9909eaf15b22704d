package hudson.model;

import hudson.model.queue.FoldableAction;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/CauseAction.java
@ExportedBean
public class CauseAction implements FoldableAction, RunAction2 {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/CauseAction.java
    public CauseAction(Cause c) {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/CauseAction.java
    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/CauseAction.java
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/CauseAction.java
    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/CauseAction.java
    @Override
    public void onAttached(Run<?, ?> owner) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/CauseAction.java
    @Override
    public void onLoad(Run<?, ?> owner) {
        throw new UnsupportedOperationException("shim");
    }
}
