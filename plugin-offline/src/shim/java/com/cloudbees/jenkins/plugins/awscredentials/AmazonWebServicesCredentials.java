package com.cloudbees.jenkins.plugins.awscredentials;

import com.amazonaws.auth.AWSCredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

// mirrors
// jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java
@NameWith(value = AmazonWebServicesCredentials.NameProvider.class, priority = 1)
public interface AmazonWebServicesCredentials
        extends StandardCredentials, AwsCredentialsProvider, AWSCredentialsProvider {

    // mirrors
    // jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java
    String getDisplayName();

    // mirrors
    // jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java
    AwsCredentials resolveCredentials(String mfaToken);

    // mirrors
    // jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java
    public static class NameProvider extends CredentialsNameProvider<AmazonWebServicesCredentials> {

        // mirrors
        // jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java
        @NonNull
        @Override
        public String getName(@NonNull AmazonWebServicesCredentials c) {
            throw new UnsupportedOperationException("shim");
        }
    }
}
