"""merge (aggregate stage): one line per item, its top recommendations, into recommendations.csv."""
import csv
import io
import os

import batchgraph_job as job

rank_output = os.environ["BATCHGRAPH_INPUT_URI"]
count = int(os.environ["BATCHGRAPH_ITEM_COUNT"])
buffer = io.StringIO()
writer = csv.writer(buffer, lineterminator="\n")
for i in range(count):
    ranked = job.read_json(rank_output + "/%d.json" % i)
    writer.writerow([ranked["item_id"]] + ["%s:%.4f" % (r["item_id"], r["score"]) for r in ranked["recommendations"]])
target = job.write_output("recommendations.csv", buffer.getvalue())
print("wrote %d recommendation line(s) to %s" % (count, target))
