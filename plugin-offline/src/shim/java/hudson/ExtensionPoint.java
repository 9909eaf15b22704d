package hudson;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/ExtensionPoint.java
public interface ExtensionPoint {}
