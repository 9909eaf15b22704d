package jenkins;

// mirrors jenkinsci/jenkins:core/src/main/java/jenkins/YesNoMaybe.java
public enum YesNoMaybe {
    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/YesNoMaybe.java
    YES,
    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/YesNoMaybe.java
    NO,
    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/YesNoMaybe.java
    MAYBE;

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/YesNoMaybe.java
    public static Boolean toBoolean(YesNoMaybe v) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors jenkinsci/jenkins:core/src/main/java/jenkins/YesNoMaybe.java
    public Boolean toBool() {
        throw new UnsupportedOperationException("shim");
    }
}
