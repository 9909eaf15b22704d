package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/TopLevelItem.java
public interface TopLevelItem extends Item {
}
