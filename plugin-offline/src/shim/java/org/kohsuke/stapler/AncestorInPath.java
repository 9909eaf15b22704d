package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/AncestorInPath.java
@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
@InjectedParameter(AncestorInPath.HandlerImpl.class)
public @interface AncestorInPath {

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/AncestorInPath.java
    class HandlerImpl extends AnnotationHandler<AncestorInPath> {}
}
