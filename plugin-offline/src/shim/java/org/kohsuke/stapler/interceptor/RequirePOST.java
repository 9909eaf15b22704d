package org.kohsuke.stapler.interceptor;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/RequirePOST.java
@Retention(RUNTIME)
@Target({METHOD, FIELD})
@InterceptorAnnotation(RequirePOST.Processor.class)
public @interface RequirePOST {

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/interceptor/RequirePOST.java
    public static class Processor extends Interceptor {}
}
