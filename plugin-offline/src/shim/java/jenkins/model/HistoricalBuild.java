package jenkins.model;

import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.Beta;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/HistoricalBuild.java
@Restricted(Beta.class)
public interface HistoricalBuild extends AddressableModelObject {
}
