package jenkins.util.io;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/util/io/OnMaster.java
public interface OnMaster {}
