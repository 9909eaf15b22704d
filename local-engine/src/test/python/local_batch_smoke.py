"""Smoke test of `batchgraph local-batch` through boto3: python3 local_batch_smoke.py ENDPOINT_URL.

Exits 0 when every check passes; prints the failed check and exits 1 otherwise.
"""
import sys
import time

import boto3
from botocore.exceptions import ClientError


def main(endpoint):
    batch = boto3.client("batch", endpoint_url=endpoint, region_name="us-east-1",
                         aws_access_key_id="AKIDTEST", aws_secret_access_key="test")
    ce = batch.create_compute_environment(computeEnvironmentName="py-ce", type="MANAGED")
    batch.create_job_queue(jobQueueName="py-q", priority=1,
                           computeEnvironmentOrder=[{"order": 1, "computeEnvironment": ce["computeEnvironmentArn"]}])
    ok = batch.register_job_definition(
        jobDefinitionName="py-ok", type="container",
        containerProperties={"image": "busybox", "command": ["sh", "-c", "test \"$GREETING\" = hello"],
                             "environment": [{"name": "GREETING", "value": "hello"}]})
    fail = batch.register_job_definition(jobDefinitionName="py-fail", type="container",
                                         containerProperties={"image": "busybox", "command": ["sh", "-c", "exit 4"]})
    array = batch.submit_job(jobName="py-array", jobQueue="py-q", jobDefinition="py-ok:%d" % ok["revision"],
                             arrayProperties={"size": 3})["jobId"]
    failed = batch.submit_job(jobName="py-fail", jobQueue="py-q", jobDefinition=fail["jobDefinitionArn"])["jobId"]
    dependent = batch.submit_job(jobName="py-dependent", jobQueue="py-q", jobDefinition="py-ok",
                                 dependsOn=[{"jobId": failed}])["jobId"]

    jobs = wait(batch, [array, failed, dependent])
    check(jobs[array]["status"] == "SUCCEEDED", "array succeeded: %s" % jobs[array])
    check(jobs[array]["arrayProperties"]["statusSummary"]["SUCCEEDED"] == 3, "3 children succeeded")
    check(jobs[failed]["container"]["exitCode"] == 4, "exit code 4 reported")
    check(jobs[dependent]["statusReason"] == "Dependent Job failed", "dependency cascade")
    check(jobs[dependent]["attempts"] == [], "dependent never ran")

    children = batch.list_jobs(arrayJobId=array, jobStatus="SUCCEEDED")["jobSummaryList"]
    check(sorted(c["arrayProperties"]["index"] for c in children) == [0, 1, 2], "children listed by index")
    pages = list(batch.get_paginator("list_jobs").paginate(
        jobQueue="py-q", filters=[{"name": "JOB_NAME", "values": ["py-*"]}], PaginationConfig={"PageSize": 1}))
    check(sum(len(p["jobSummaryList"]) for p in pages) == 3 and len(pages) >= 3, "paginated JOB_NAME filter")

    arn = batch.describe_jobs(jobs=[array])["jobs"][0]["jobArn"]
    batch.tag_resource(resourceArn=arn, tags={"team": "py"})
    check(batch.list_tags_for_resource(resourceArn=arn)["tags"] == {"team": "py"}, "tags round trip")

    try:
        batch.submit_job(jobName="x", jobQueue="missing", jobDefinition="py-ok")
        check(False, "unknown queue rejected")
    except ClientError as e:
        check(e.response["Error"]["Code"] == "ClientException", "ClientException code")
        check(e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, "HTTP 400")
        check(e.response["Error"]["Message"] == "JobQueue missing not found.", "AWS wording")
    print("boto3 smoke: all checks passed")


def wait(batch, ids, timeout=20):
    deadline = time.time() + timeout
    while True:
        jobs = {j["jobId"]: j for j in batch.describe_jobs(jobs=ids)["jobs"]}
        if all(j["status"] in ("SUCCEEDED", "FAILED") for j in jobs.values()):
            return jobs
        check(time.time() < deadline, "jobs finished in time: %s" % {k: v["status"] for k, v in jobs.items()})
        time.sleep(0.05)


def check(condition, what):
    if not condition:
        print("FAILED: " + what)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1])
