package jenkins.widgets;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/widgets/HasWidgets.java
public interface HasWidgets {
}
