package jenkins.model.queue;

import jenkins.model.FullyNamedModelObject;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/queue/QueueItem.java
public interface QueueItem extends FullyNamedModelObject {
}
