package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import java.io.Serializable;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParameterDefinition.java
@ExportedBean(defaultVisibility = 3)
public abstract class ParameterDefinition implements Describable<ParameterDefinition>, ExtensionPoint, Serializable {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParameterDefinition.java
    @Exported
    @NonNull
    public String getName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParameterDefinition.java
    @CheckForNull
    @Exported
    public ParameterValue getDefaultParameterValue() {
        throw new UnsupportedOperationException("shim");
    }
}
