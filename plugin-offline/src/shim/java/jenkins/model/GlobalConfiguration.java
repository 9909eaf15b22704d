package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/GlobalConfiguration.java
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/GlobalConfiguration.java
    protected GlobalConfiguration() {}
}
