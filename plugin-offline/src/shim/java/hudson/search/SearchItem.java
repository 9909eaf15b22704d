package hudson.search;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/search/SearchItem.java
public interface SearchItem {}
