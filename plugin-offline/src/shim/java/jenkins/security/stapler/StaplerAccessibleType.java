package jenkins.security.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/security/stapler/StaplerAccessibleType.java
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StaplerAccessibleType {}
