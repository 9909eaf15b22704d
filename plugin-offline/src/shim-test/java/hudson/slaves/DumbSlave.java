package hudson.slaves;

import hudson.model.Slave;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/slaves/DumbSlave.java
public final class DumbSlave extends Slave {}
