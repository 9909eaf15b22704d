package hudson.model;

import java.util.List;
import jenkins.model.OptionalJobProperty;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParametersDefinitionProperty.java
@ExportedBean(defaultVisibility = 2)
public class ParametersDefinitionProperty extends OptionalJobProperty<Job<?, ?>> {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParametersDefinitionProperty.java
    @Exported
    public List<ParameterDefinition> getParameterDefinitions() {
        throw new UnsupportedOperationException("shim");
    }
}
