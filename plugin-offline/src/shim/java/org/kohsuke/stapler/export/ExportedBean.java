package org.kohsuke.stapler.export;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/export/ExportedBean.java
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Target(ElementType.TYPE)
@Indexed
public @interface ExportedBean {

    // mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/export/ExportedBean.java
    int defaultVisibility() default 1;
}
