package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/QueryParameter.java
@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
@InjectedParameter(QueryParameter.HandlerImpl.class)
public @interface QueryParameter {

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/QueryParameter.java
    String value() default "";

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/QueryParameter.java
    boolean required() default false;

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/QueryParameter.java
    boolean fixEmpty() default false;

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/QueryParameter.java
    class HandlerImpl extends AnnotationHandler<QueryParameter> {}
}
