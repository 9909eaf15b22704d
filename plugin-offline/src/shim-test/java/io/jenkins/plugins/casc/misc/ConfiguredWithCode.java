package io.jenkins.plugins.casc.misc;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.Test;

// mirrors
// jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/ConfiguredWithCode.java
@Target({METHOD, FIELD})
@Retention(RUNTIME)
public @interface ConfiguredWithCode {

    // mirrors
    // jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/ConfiguredWithCode.java
    String[] value();

    // mirrors
    // jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/ConfiguredWithCode.java
    Class<? extends Throwable> expected() default Test.None.class;

    // mirrors
    // jenkinsci/configuration-as-code-plugin:test-harness/src/main/java/io/jenkins/plugins/casc/misc/ConfiguredWithCode.java
    String message() default "";
}
