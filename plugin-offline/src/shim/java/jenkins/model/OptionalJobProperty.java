package jenkins.model;

import hudson.model.Job;
import hudson.model.JobProperty;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/OptionalJobProperty.java
public abstract class OptionalJobProperty<J extends Job<?, ?>> extends JobProperty<J> {}
