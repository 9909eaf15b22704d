package org.kohsuke.accmod.restrictions;

// mirrors
// jenkinsci/lib-access-modifier:access-modifier-annotation/src/main/java/org/kohsuke/accmod/restrictions/Beta.java
public class Beta extends DoNotUse {}
