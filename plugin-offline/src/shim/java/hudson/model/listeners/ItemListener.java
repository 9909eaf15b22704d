package hudson.model.listeners;

import hudson.ExtensionPoint;
import hudson.model.Item;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/listeners/ItemListener.java
public class ItemListener implements ExtensionPoint {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/listeners/ItemListener.java
    public void onDeleted(Item item) {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/listeners/ItemListener.java
    public void onUpdated(Item item) {}
}
