package hudson.model;

import java.io.Serializable;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParameterValue.java
public abstract class ParameterValue implements Serializable {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ParameterValue.java
    protected ParameterValue(String name) {
    }
}
