#!/usr/bin/env python3
"""Resubmit the failed items of a run, from its failure event.

Reads one message (a file, or - for stdin) as it arrives from the graph's events topic: an SNS envelope
(an SQS queue subscribed without raw delivery), the rule's transformed message ({"source": "batchgraph",
"jobName": ..., "status": "FAILED", ...}), or a whole Batch Job State Change event (local-batch --events-to).
Then:
  1. batchgraph resume RUN --json   re-attaches to the run, tracks it to its end (its digest is sent as usual)
                                    and reports its failed items;
  2. writes those items' records (per-item or packed, as the run's manifest says) to a JSON array;
  3. batchgraph run GRAPH --set 'plan.items={file: THAT}'   a new run over the failed items only.
Exit: 0 when nothing failed or the new run succeeded, else the new run's (or resume's) exit code.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import urllib.parse

# Generated run ids: <graph>-<yyyyMMdd-HHmmss>-<4 hex>; a job is <run id>-<stage>-<part>.
RUN_ID = re.compile(r"^(.+-\d{8}-\d{6}-[0-9a-f]{4})-")


def job_of(message):
    """(jobName, status) from any of the three shapes."""
    if message.get("Type") == "Notification" and "Message" in message:
        message = json.loads(message["Message"])
    if "detail" in message:
        return message["detail"].get("jobName", ""), message["detail"].get("status", "")
    return message.get("jobName", ""), message.get("status", "")


def read_bytes(uri, first=None, last=None):
    """An object of a file:// or s3:// store, or bytes first..last of it (a ranged GetObject on S3)."""
    if uri.startswith("file:"):
        with open(urllib.parse.unquote(urllib.parse.urlparse(uri).path), "rb") as f:
            if first is None:
                return f.read()
            f.seek(first)
            return f.read(last - first + 1)
    if uri.startswith("s3://"):
        bucket, _, key = uri[len("s3://"):].partition("/")
        with tempfile.TemporaryDirectory() as tmp:
            target = os.path.join(tmp, "object")
            ranged = [] if first is None else ["--range", "bytes=%d-%d" % (first, last)]
            subprocess.run(["aws", "s3api", "get-object", "--bucket", bucket, "--key", key] + ranged + [target],
                           check=True, capture_output=True)
            with open(target, "rb") as f:
                return f.read()
    raise SystemExit("items at %s: only file:// and s3:// stores are read here" % uri)


def read_item(run_uri, index):
    """Item index's record, in the layout the run's manifest names (docs/job-environment.md, "Reading an item")."""
    run_uri = run_uri.rstrip("/")
    manifest = json.loads(read_bytes(run_uri + "/manifest.json"))
    items = manifest.get("itemsUri") or run_uri + "/items"
    if manifest.get("itemLayout") != "packed":
        return json.loads(read_bytes("%s/%d.json" % (items, index)))
    part, first, last = read_bytes(items + "/offsets.txt", 32 * index, 32 * index + 31).split()
    return json.loads(read_bytes("%s/%s.jsonl" % (items, part.decode()), int(first), int(last)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("message", help="the message file, or - for stdin")
    parser.add_argument("--graph", required=True, help="the graph file the run came from")
    parser.add_argument("--store", required=True, help="the runs' store (file://... or s3://...)")
    parser.add_argument("--key", help="plan.items.key of the graph, if it has one")
    parser.add_argument("--batchgraph", default="batchgraph", help="how to call batchgraph (default: batchgraph)")
    args = parser.parse_args()

    text = sys.stdin.read() if args.message == "-" else open(args.message, encoding="utf-8").read()
    job_name, status = job_of(json.loads(text))
    if status != "FAILED":
        print("job %s is %s: nothing to resubmit" % (job_name, status or "of unknown status"), file=sys.stderr)
        return 0
    match = RUN_ID.match(job_name)
    if not match:
        print("job name %r names no generated run id" % job_name, file=sys.stderr)
        return 2
    run_id = match.group(1)
    batchgraph = shlex.split(args.batchgraph)

    resumed = subprocess.run(batchgraph + ["resume", run_id, "--store", args.store, "--json"],
                             capture_output=True, text=True)
    if not resumed.stdout.strip():
        print(resumed.stderr, file=sys.stderr)
        return resumed.returncode or 1
    result = json.loads(resumed.stdout)
    indexes = sorted({item["index"] for stage in result["stages"] for item in stage.get("failedItems", [])})
    if not indexes:
        print("run %s ended %s with no failed item" % (run_id, result["outcome"]), file=sys.stderr)
        return 0
    records = [read_item(result["runUri"], i) for i in indexes]
    fd, path = tempfile.mkstemp(prefix="failed-%s-" % run_id, suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(records, f)
    items = "{file: %s%s}" % (json.dumps(path), ", key: %s" % json.dumps(args.key) if args.key else "")
    print("resubmitting %d failed item(s) of run %s (items %s) from %s"
          % (len(records), run_id, ", ".join(map(str, indexes)), path), file=sys.stderr)
    return subprocess.run(batchgraph + ["run", args.graph, "--store", args.store, "--set", "plan.items=" + items]).returncode


if __name__ == "__main__":
    sys.exit(main())
