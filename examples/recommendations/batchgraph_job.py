"""What every job of this example needs from its environment (see docs/job-environment.md).

The engine tells a job where things are through BATCHGRAPH_* variables. On the local engine the URIs are
file:// paths; on AWS they are s3:// URIs (this small example only handles file://). The items come in either
layout (docs/job-environment.md, "Reading an item"); this example's graph packs them.
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


def packed():
    """The plan's items are packed (plan.itemLayout): parts of JSON lines and an offsets object."""
    return os.environ.get("BATCHGRAPH_ITEMS_LAYOUT") == "packed"


def item(i):
    """Item i's record: one file (per-item), or two ranged reads, its offsets entry then its bytes (packed)."""
    items = path_of(os.environ["BATCHGRAPH_ITEMS_URI"])
    if not packed():
        return read_json(os.environ["BATCHGRAPH_ITEMS_URI"] + "/%d.json" % i)
    with open(path_of(os.environ["BATCHGRAPH_ITEMS_OFFSETS_URI"]), "rb") as f:
        f.seek(32 * i)
        part, first, last = f.read(32).split()
    with open(os.path.join(items, part.decode() + ".jsonl"), "rb") as f:
        f.seek(int(first))
        return json.loads(f.read(int(last) - int(first) + 1))


def all_items():
    """Every item in index order: the files 0.json, 1.json, ... (per-item), or the lines of the parts (packed)."""
    folder = path_of(os.environ["BATCHGRAPH_ITEMS_URI"])
    count = int(os.environ["BATCHGRAPH_ITEM_COUNT"])
    if not packed():
        return [item(i) for i in range(count)]
    items = []
    part = 0
    while len(items) < count:
        with open(os.path.join(folder, "%d.jsonl" % part), "rb") as f:
            items.extend(json.loads(line) for line in f)
        part += 1
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
