package net.java.sezpoz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// mirrors jglick/sezpoz:sezpoz/src/main/java/net/java/sezpoz/Indexable.java
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.ANNOTATION_TYPE})
public @interface Indexable {
    // mirrors jglick/sezpoz:sezpoz/src/main/java/net/java/sezpoz/Indexable.java
    Class<?> type() default Object.class;
}
