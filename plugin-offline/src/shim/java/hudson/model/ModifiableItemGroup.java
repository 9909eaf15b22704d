package hudson.model;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/ModifiableItemGroup.java
public interface ModifiableItemGroup<T extends Item> extends ItemGroup<T> {}
