"""rank (array stage, N_TO_N after score): keep the top 3 of item i's scores."""
import os

import batchgraph_job as job

i = job.item_index()
scored = job.read_json(os.environ["BATCHGRAPH_INPUT_URI"] + "/%d.json" % i)
top = sorted(scored["scores"], key=lambda s: (-s["score"], s["item_id"]))[:3]
job.write_output("%d.json" % i, {"item_id": scored["item_id"], "recommendations": top})
print("ranked item %s: %s" % (scored["item_id"], [t["item_id"] for t in top]))
