package org.kohsuke.accmod;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import org.jvnet.hudson.annotation_indexer.Indexed;

// mirrors jenkinsci/lib-access-modifier:access-modifier-annotation/src/main/java/org/kohsuke/accmod/Restricted.java
@Retention(RUNTIME)
@Documented
@Indexed
public @interface Restricted {
    // mirrors jenkinsci/lib-access-modifier:access-modifier-annotation/src/main/java/org/kohsuke/accmod/Restricted.java
    Class<? extends AccessRestriction>[] value();

    // mirrors jenkinsci/lib-access-modifier:access-modifier-annotation/src/main/java/org/kohsuke/accmod/Restricted.java
    String message() default "";
}
