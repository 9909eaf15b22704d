"""score (array stage): for one item, score every other item by similarity of category, tags and price."""
import batchgraph_job as job

i = job.item_index()
me = job.item(i)
items = job.all_items()


def similarity(a, b):
    tags_a, tags_b = set(a["tags"].split(";")), set(b["tags"].split(";"))
    shared_tags = len(tags_a & tags_b) / max(1, len(tags_a | tags_b))
    same_category = 1.0 if a["category"] == b["category"] else 0.0
    price_gap = abs(a["price"] - b["price"]) / max(a["price"], b["price"])
    return round(0.5 * shared_tags + 0.3 * same_category + 0.2 * (1 - price_gap), 4)


scores = [{"item_id": other["item_id"], "score": similarity(me, other)}
          for other in items if other["item_id"] != me["item_id"]]
job.write_output("%d.json" % i, {"item_id": me["item_id"], "scores": scores})
print("scored item %s against %d others" % (me["item_id"], len(scores)))
