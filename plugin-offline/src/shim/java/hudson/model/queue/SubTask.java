package hudson.model.queue;

import hudson.model.ResourceActivity;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/queue/SubTask.java
public interface SubTask extends ResourceActivity {}
