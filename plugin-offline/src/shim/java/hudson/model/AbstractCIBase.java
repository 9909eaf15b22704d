package hudson.model;

import hudson.security.AccessControlled;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/AbstractCIBase.java
public abstract class AbstractCIBase extends Node
        implements ItemGroup<TopLevelItem>,
                StaplerProxy,
                StaplerFallback,
                ViewGroup,
                AccessControlled,
                DescriptorByNameOwner {}
