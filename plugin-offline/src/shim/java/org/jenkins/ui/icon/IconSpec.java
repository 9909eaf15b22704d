package org.jenkins.ui.icon;

// mirrors jenkinsci/jenkins:core/src/main/java/org/jenkins/ui/icon/IconSpec.java
public interface IconSpec {

    // mirrors jenkinsci/jenkins:core/src/main/java/org/jenkins/ui/icon/IconSpec.java
    String getIconClassName();
}
