package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.springframework.security.access.AccessDeniedException;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
@ExportedBean
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint,
                Comparable<RunT>,
                AccessControlled,
                PersistenceRoot,
                DescriptorByNameOwner,
                OnMaster,
                StaplerProxy,
                HistoricalBuild,
                WithConsoleUrl {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    @Override
    @Exported
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    protected Run(@NonNull JobT job) throws IOException {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    @Override
    public int compareTo(@NonNull RunT that) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    @Exported
    public @CheckForNull Result getResult() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    public @NonNull String getUrl() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    @Exported
    public boolean isBuilding() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    public @CheckForNull static Run<?, ?> fromExternalizableId(String id)
            throws IllegalArgumentException, AccessDeniedException {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Run.java
    @Deprecated
    public final @NonNull String getAbsoluteUrl() {
        throw new UnsupportedOperationException("shim");
    }
}
