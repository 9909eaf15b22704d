package jenkins.console;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/console/WithConsoleUrl.java
public interface WithConsoleUrl {
}
