package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.queue.QueueItem;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
@ExportedBean
public class Queue extends ResourceController implements Saveable {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
    public Queue(@NonNull LoadBalancer loadBalancer) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
    public interface Task extends FullyNamedModelObject, SubTask {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
    public interface FlyweightTask extends Task {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
    public interface Executable extends Runnable, WithConsoleUrl {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
    public interface QueueAction extends Action {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Queue.java
    @ExportedBean(defaultVisibility = 999)
    public abstract static class Item extends Actionable implements QueueItem {}
}
