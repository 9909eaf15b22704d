package com.cloudbees.hudson.plugins.folder;

import hudson.model.AbstractItem;
import hudson.model.ItemGroup;
import hudson.model.ModifiableViewGroup;
import hudson.model.TopLevelItem;
import jenkins.model.ModelObjectWithChildren;
import org.jenkins.ui.icon.IconSpec;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerOverridable;

// mirrors jenkinsci/cloudbees-folder-plugin:src/main/java/com/cloudbees/hudson/plugins/folder/AbstractFolder.java
public abstract class AbstractFolder<I extends TopLevelItem> extends AbstractItem
        implements TopLevelItem,
                ItemGroup<I>,
                ModifiableViewGroup,
                StaplerFallback,
                ModelObjectWithChildren,
                StaplerOverridable,
                IconSpec {

    // mirrors jenkinsci/cloudbees-folder-plugin:src/main/java/com/cloudbees/hudson/plugins/folder/AbstractFolder.java
    protected AbstractFolder(ItemGroup parent, String name) {
        super(parent, name);
    }

    // mirrors jenkinsci/cloudbees-folder-plugin:src/main/java/com/cloudbees/hudson/plugins/folder/AbstractFolder.java
    @Override
    public String getIconClassName() {
        throw new UnsupportedOperationException("shim");
    }
}
