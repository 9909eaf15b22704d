package com.cloudbees.hudson.plugins.folder;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import java.io.IOException;
import jenkins.model.DirectlyModifiableTopLevelItemGroup;

// mirrors jenkinsci/cloudbees-folder-plugin:src/main/java/com/cloudbees/hudson/plugins/folder/Folder.java
public class Folder extends AbstractFolder<TopLevelItem> implements DirectlyModifiableTopLevelItemGroup {

    // mirrors jenkinsci/cloudbees-folder-plugin:src/main/java/com/cloudbees/hudson/plugins/folder/Folder.java
    public Folder(ItemGroup parent, String name) {
        super(parent, name);
    }

    // mirrors jenkinsci/cloudbees-folder-plugin:src/main/java/com/cloudbees/hudson/plugins/folder/Folder.java
    public <T extends TopLevelItem> T createProject(@NonNull Class<T> type, @NonNull String name) throws IOException {
        throw new UnsupportedOperationException("shim");
    }
}
