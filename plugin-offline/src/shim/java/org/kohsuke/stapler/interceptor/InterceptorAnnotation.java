package org.kohsuke.stapler.interceptor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/InterceptorAnnotation.java
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InterceptorAnnotation {

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/InterceptorAnnotation.java
    Class<? extends Interceptor> value();

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/InterceptorAnnotation.java
    Stage stage() default Stage.PREINVOKE;
}
