package org.kohsuke.stapler;

import java.lang.annotation.Annotation;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/AnnotationHandler.java
public abstract class AnnotationHandler<T extends Annotation> {}
