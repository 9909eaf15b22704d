package hudson.model.queue;

import hudson.model.Action;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/queue/FoldableAction.java
public interface FoldableAction extends Action {}
