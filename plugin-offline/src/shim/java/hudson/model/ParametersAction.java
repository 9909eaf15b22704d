package hudson.model;

import hudson.model.labels.LabelAssignmentAction;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParametersAction.java
@ExportedBean
public class ParametersAction
        implements RunAction2,
                Iterable<ParameterValue>,
                Queue.QueueAction,
                EnvironmentContributingAction,
                LabelAssignmentAction {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParametersAction.java
    public ParametersAction(List<ParameterValue> parameters, Collection<String> additionalSafeParameters) {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParametersAction.java
    @Override
    public Iterator<ParameterValue> iterator() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParametersAction.java
    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParametersAction.java
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParametersAction.java
    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParametersAction.java
    @Override
    public void onAttached(Run<?, ?> r) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParametersAction.java
    @Override
    public void onLoad(Run<?, ?> r) {
        throw new UnsupportedOperationException("shim");
    }
}
