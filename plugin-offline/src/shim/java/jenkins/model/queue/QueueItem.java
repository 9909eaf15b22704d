package jenkins.model.queue;

import jenkins.model.FullyNamedModelObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.Beta;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/model/queue/QueueItem.java
@Restricted(Beta.class)
public interface QueueItem extends FullyNamedModelObject {}
