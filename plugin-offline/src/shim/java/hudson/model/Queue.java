package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
public class Queue {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
    public interface Task {
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
    public interface FlyweightTask extends Task {
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
    public interface Executable {
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
    public abstract static class Item extends Actionable {
    }
}
