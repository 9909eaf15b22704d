package jenkins.triggers;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/triggers/SCMTriggerItem.java
public interface SCMTriggerItem {}
