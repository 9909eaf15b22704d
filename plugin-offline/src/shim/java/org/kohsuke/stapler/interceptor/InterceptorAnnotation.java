package org.kohsuke.stapler.interceptor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/InterceptorAnnotation.java
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface InterceptorAnnotation {

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/InterceptorAnnotation.java
    Class<? extends Interceptor> value();
}
