package hudson.model;

import org.kohsuke.stapler.DataBoundConstructor;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/StringParameterValue.java
public class StringParameterValue extends ParameterValue {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/StringParameterValue.java
    @DataBoundConstructor
    public StringParameterValue(String name, String value) {
        super(name);
    }
}
