package hudson.model;

import java.io.Serializable;
import jenkins.security.stapler.StaplerAccessibleType;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParameterValue.java
@ExportedBean(defaultVisibility = 3)
@StaplerAccessibleType
public abstract class ParameterValue implements Serializable {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParameterValue.java
    protected ParameterValue(String name) {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParameterValue.java
    @Exported
    public final String getName() {
        throw new UnsupportedOperationException("shim");
    }
}
