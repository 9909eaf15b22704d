package org.kohsuke.stapler.export;

// mirrors jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/export/CustomExportedBean.java
public interface CustomExportedBean {}
