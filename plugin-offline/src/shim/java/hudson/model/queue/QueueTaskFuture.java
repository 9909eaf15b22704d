package hudson.model.queue;

import hudson.model.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/queue/QueueTaskFuture.java
public interface QueueTaskFuture<R extends Queue.Executable> extends Future<R> {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/queue/QueueTaskFuture.java
    R waitForStart() throws InterruptedException, ExecutionException;
}
