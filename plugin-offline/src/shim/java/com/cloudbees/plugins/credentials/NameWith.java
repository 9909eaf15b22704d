package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/NameWith.java
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface NameWith {

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/NameWith.java
    @NonNull
    Class<? extends CredentialsNameProvider<? extends Credentials>> value();

    // mirrors jenkinsci/credentials-plugin:src/main/java/com/cloudbees/plugins/credentials/NameWith.java
    int priority() default 0;
}
