package hudson.model;

import java.io.Serializable;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Slave.java
public abstract class Slave extends Node implements Serializable {}
