"""Checks that the Spark job's aggregate equals `newsls stats --format json`
on the same articles: the same speakers, each with the same name, kind,
anonymity, quotes by kind, number of articles, first and last article; the
same quotes with no speaker; the same totals. Prints every difference and
exits 1 when there is one.

    python3 compare.py WHO_IS_QUOTED.json STATS.json CORPUS_DIR

CORPUS_DIR is the folder `newsls stats` was given: its article names are
paths under it, the Spark ids the same paths relative to it.
"""

import json
import sys

FIELDS = ("kind", "anonymous", "quotes", "direct", "mixed", "indirect",
          "articles", "first_article", "last_article")
COUNTS = ("quotes", "direct", "mixed", "indirect", "articles", "first_article", "last_article")


def main():
    spark_file, stats_file, corpus = sys.argv[1:4]
    spark = json.load(open(spark_file, encoding="utf-8"))
    stats = json.load(open(stats_file, encoding="utf-8"))
    prefix = corpus.rstrip("/") + "/"

    def relative(path):
        return path[len(prefix):] if path.startswith(prefix) else path

    diffs = []
    for e in spark["errors"]:
        diffs.append(f"newsls could not analyse an input line: {e}")
    for field, want in (("total_articles", stats["total_articles"]),
                        ("total_quotes", stats["total_quotes"])):
        if spark[field] != want:
            diffs.append(f"{field}: spark {spark[field]}, stats {want}")

    ours = {s["name"]: s for s in spark["speakers"]}
    theirs = {}
    for a in stats["actors"]:
        a = dict(a, first_article=relative(a["first_article"]),
                 last_article=relative(a["last_article"]))
        theirs[a["name"]] = a
    for name in sorted(theirs.keys() - ours.keys()):
        diffs.append(f"speaker only in stats: {name} {json.dumps(theirs[name], ensure_ascii=False)}")
    for name in sorted(ours.keys() - theirs.keys()):
        diffs.append(f"speaker only in spark: {name} {json.dumps(ours[name], ensure_ascii=False)}")
    for name in sorted(ours.keys() & theirs.keys()):
        for f in FIELDS:
            if ours[name][f] != theirs[name][f]:
                diffs.append(f"{name}: {f} spark {ours[name][f]!r}, stats {theirs[name][f]!r}")
    order_spark = [s["name"] for s in spark["speakers"]]
    order_stats = [a["name"] for a in stats["actors"]]
    if not diffs and order_spark != order_stats:
        diffs.append("same speakers in another order")

    u = dict(stats["unattributed_quotes"])
    u["first_article"] = relative(u["first_article"])
    u["last_article"] = relative(u["last_article"])
    for f in COUNTS:
        if spark["unattributed_quotes"][f] != u[f]:
            diffs.append(f"no speaker found: {f} spark {spark['unattributed_quotes'][f]!r}, stats {u[f]!r}")

    if diffs:
        print(f"MISMATCH: the Spark aggregate differs from newsls stats in {len(diffs)} place(s):")
        for d in diffs[:200]:
            print("  " + d)
        if len(diffs) > 200:
            print(f"  … and {len(diffs) - 200} more")
        print("spark: 0 passed, 1 failed")
        return 1
    quotes = sum(s["quotes"] for s in spark["speakers"])
    print(f"the Spark aggregate equals newsls stats: {stats['total_articles']} articles, "
          f"{stats['total_quotes']} quotes ({quotes} from {len(ours)} speakers, "
          f"{u['quotes']} with no speaker found)")
    print("spark: 1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
