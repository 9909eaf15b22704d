package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.export.ExportedBean;

// mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/ListBoxModel.java
@ExportedBean
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/ListBoxModel.java
    public ListBoxModel() {}

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/ListBoxModel.java
    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/ListBoxModel.java
    @ExportedBean(defaultVisibility = 999)
    public static final class Option {

        // mirrors jenkinsci/jenkins:core/src/main/java/hudson/util/ListBoxModel.java
        public Option(@NonNull String name, @NonNull String value) {
            throw new UnsupportedOperationException("shim");
        }
    }
}
