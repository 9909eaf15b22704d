package hudson.model;

import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.export.Exported;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Cause.java
@ExportedBean
public abstract class Cause {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Cause.java
    @Exported(visibility = 3)
    public abstract String getShortDescription();
}
