package jenkins.console;

import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.Beta;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/console/WithConsoleUrl.java
@Restricted(Beta.class)
public interface WithConsoleUrl {}
