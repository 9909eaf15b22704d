package org.jenkinsci.remoting;

import java.io.Serializable;

// mirrors jenkinsci/remoting:src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java
public interface SerializableOnlyOverRemoting extends Serializable {}
