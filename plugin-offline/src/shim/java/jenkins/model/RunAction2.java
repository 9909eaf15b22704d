package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/RunAction2.java
public interface RunAction2 extends Action {

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/RunAction2.java
    void onAttached(Run<?, ?> r);

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/RunAction2.java
    void onLoad(Run<?, ?> r);
}
