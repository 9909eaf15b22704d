package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

// mirrors
// jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AWSCredentialsImpl.java
public class AWSCredentialsImpl extends BaseAmazonWebServicesCredentials {

    // mirrors
    // jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AWSCredentialsImpl.java
    public AWSCredentialsImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String accessKey,
            @CheckForNull String secretKey,
            @CheckForNull String description) {
        super(scope, id, description);
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AWSCredentialsImpl.java
    @Override
    public AwsCredentials resolveCredentials() {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AWSCredentialsImpl.java
    @Override
    public AwsCredentials resolveCredentials(String mfaToken) {
        throw new UnsupportedOperationException("shim");
    }

    // mirrors
    // jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AWSCredentialsImpl.java
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("shim");
    }
}
