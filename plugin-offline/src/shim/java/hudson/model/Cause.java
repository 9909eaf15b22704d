package hudson.model;

import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Cause.java
@ExportedBean
public abstract class Cause {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Cause.java
    @Exported(visibility = 3)
    public abstract String getShortDescription();
}
