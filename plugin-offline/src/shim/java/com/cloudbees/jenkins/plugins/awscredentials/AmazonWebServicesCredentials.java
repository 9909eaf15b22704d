package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

// mirrors jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java
public interface AmazonWebServicesCredentials extends StandardCredentials, AwsCredentialsProvider {

    // mirrors jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java
    String getDisplayName();

    // mirrors jenkinsci/aws-credentials-plugin:src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java
    AwsCredentials resolveCredentials(String mfaToken);
}
