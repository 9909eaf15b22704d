package org.kohsuke.accmod.restrictions;

import org.kohsuke.accmod.AccessRestriction;

// mirrors
// jenkinsci/lib-access-modifier:access-modifier-annotation/src/main/java/org/kohsuke/accmod/restrictions/DoNotUse.java
public class DoNotUse extends AccessRestriction {}
