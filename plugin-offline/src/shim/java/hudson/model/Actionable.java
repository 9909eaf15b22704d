package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;
import jenkins.model.ModelObjectWithContextMenu;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Actionable.java
@ExportedBean
public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Actionable.java
    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Actionable.java
    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Actionable.java
    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Actionable.java
    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("shim");
    }
}
