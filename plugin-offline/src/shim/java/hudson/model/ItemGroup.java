package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ItemGroup.java
public interface ItemGroup<T extends Item> extends PersistenceRoot, ModelObject {}
