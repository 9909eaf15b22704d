package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Result.java
public final class Result implements Serializable, CustomExportedBean {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Result.java
    public static final @NonNull Result SUCCESS = new Result("SUCCESS", BallColor.BLUE, 0, true);
    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Result.java
    public static final @NonNull Result UNSTABLE = new Result("UNSTABLE", BallColor.YELLOW, 1, true);
    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Result.java
    public static final @NonNull Result FAILURE = new Result("FAILURE", BallColor.RED, 2, true);
    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Result.java
    public static final @NonNull Result NOT_BUILT = new Result("NOT_BUILT", BallColor.NOTBUILT, 3, false);
    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Result.java
    public static final @NonNull Result ABORTED = new Result("ABORTED", BallColor.ABORTED, 4, false);

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/model/Result.java
    private Result(@NonNull String name, @NonNull BallColor color, int ordinal, boolean complete) {}
}
