package jenkins.model;

import hudson.model.ModelObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.Beta;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/HistoricalBuild.java (as released since 2.477)
@Restricted(Beta.class)
public interface HistoricalBuild extends ModelObject {}
