package hudson;

import java.util.TreeMap;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/EnvVars.java
public class EnvVars extends TreeMap<String, String> {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/EnvVars.java
    public EnvVars() {}
}
