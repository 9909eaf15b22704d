package org.kohsuke.accmod;

// mirrors
// jenkinsci/lib-access-modifier:access-modifier-annotation/src/main/java/org/kohsuke/accmod/AccessRestriction.java
public abstract class AccessRestriction {}
