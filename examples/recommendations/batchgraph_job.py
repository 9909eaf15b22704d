"""What every job of this example needs from its environment (see docs/job-environment.md).

The engine tells a job where things are through BATCHGRAPH_* variables. On the local engine the URIs are
file:// paths; on AWS they are s3:// URIs (this small example only handles file://).
"""
import json
import os
import urllib.parse


def path_of(uri):
    """file:///abs/path -> /abs/path"""
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme != "file":
        raise SystemExit("this example reads local files only, got " + uri)
    return urllib.parse.unquote(parsed.path)


def item_index():
    """The item this array child works on: offset + array index, through the index map when there is one."""
    position = int(os.environ.get("BATCHGRAPH_INDEX_OFFSET", "0")) + int(os.environ.get("AWS_BATCH_JOB_ARRAY_INDEX", "0"))
    index_map = os.environ.get("BATCHGRAPH_INDEX_MAP_URI")
    if index_map:
        with open(path_of(index_map)) as f:
            return json.load(f)[position]
    return position


def read_json(uri):
    with open(path_of(uri)) as f:
        return json.load(f)


def all_items():
    folder = path_of(os.environ["BATCHGRAPH_ITEMS_URI"])
    count = int(os.environ["BATCHGRAPH_ITEM_COUNT"])
    items = []
    for i in range(count):
        with open(os.path.join(folder, "%d.json" % i)) as f:
            items.append(json.load(f))
    return items


def write_output(name, payload):
    """Writes <this stage's output>/<name> atomically (a retried attempt never leaves half a file)."""
    folder = path_of(os.environ["BATCHGRAPH_OUTPUT_URI"])
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, name)
    temp = target + ".tmp-%d" % os.getpid()
    with open(temp, "w") as f:
        f.write(payload if isinstance(payload, str) else json.dumps(payload))
    os.replace(temp, target)
    return target
