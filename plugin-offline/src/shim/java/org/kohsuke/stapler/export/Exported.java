package org.kohsuke.stapler.export;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/export/Exported.java
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Target({FIELD, METHOD})
public @interface Exported {

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/export/Exported.java
    int visibility() default 0;

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/export/Exported.java
    String name() default "";

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/export/Exported.java
    boolean inline() default false;

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/export/Exported.java
    boolean merge() default false;

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/export/Exported.java
    String verboseMap() default "";
}
