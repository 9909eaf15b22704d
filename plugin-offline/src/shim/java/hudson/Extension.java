package hudson;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static jenkins.YesNoMaybe.MAYBE;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jenkins.YesNoMaybe;
import net.java.sezpoz.Indexable;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/Extension.java
@Indexable
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {
    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/Extension.java
    double ordinal() default 0;

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/Extension.java
    @Deprecated
    boolean optional() default false;

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/Extension.java
    YesNoMaybe dynamicLoadable() default MAYBE;
}
