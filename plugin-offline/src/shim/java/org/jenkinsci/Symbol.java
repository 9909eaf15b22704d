package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

// mirrors jenkinsci/lib-symbol-annotation:src/main/java/org/jenkinsci/Symbol.java
@Indexed
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    // mirrors jenkinsci/lib-symbol-annotation:src/main/java/org/jenkinsci/Symbol.java
    String[] value();
}
