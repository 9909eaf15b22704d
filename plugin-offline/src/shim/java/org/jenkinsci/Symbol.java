package org.jenkinsci;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

// mirrors jenkinsci/symbol-annotation:src/main/java/org/jenkinsci/Symbol.java
@Documented
@Retention(RUNTIME)
@Target({TYPE, FIELD})
public @interface Symbol {

    // mirrors jenkinsci/symbol-annotation:src/main/java/org/jenkinsci/Symbol.java
    String[] value();
}
