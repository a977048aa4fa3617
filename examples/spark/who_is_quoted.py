"""Who is quoted across a corpus: a Spark job with newsls as its map step.

    spark-submit --master 'local[2]' --files target/release/newsls \\
        examples/spark/who_is_quoted.py articles.jsonl who_is_quoted.json

The input is JSON Lines, one article per line: {"id": ..., "text": ...,
"lang"?: "fr" | "en" | "auto"}. Each partition's lines go through one
`newsls extract --stdin` process (the binary is shipped to the executors
with --files and found there with SparkFiles). The quotes are then grouped
by speaker as `newsls stats` groups them: by the actor's "key" (case,
accents, apostrophes and a leading article folded), keeping the name,
kind and anonymity of the speaker's first quote in corpus order (articles
ordered by id, as `newsls stats` orders files by path).

The output is one JSON object: total_articles, total_quotes, errors (input
lines newsls could not analyse), speakers (most quoted first: name, kind,
anonymous, quotes, direct, mixed, indirect, articles, first_article,
last_article) and unattributed_quotes (the quotes with no speaker found).
"""

import argparse
import json
import os
import stat
import subprocess
import sys
import tempfile
import threading
import time

from pyspark import SparkFiles
from pyspark.sql import SparkSession

KINDS = ("direct", "mixed", "indirect")


def newsls_binary():
    """The binary shipped with --files (or SparkContext.addFile)."""
    path = SparkFiles.get("newsls")
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(path, mode | stat.S_IXUSR)
    return path


def extract_partition(lines):
    """Pipes a partition's lines through one `newsls extract --stdin` and
    yields its records (compacted), one per non-blank input line, in order."""
    with tempfile.TemporaryFile() as stderr:
        proc = subprocess.Popen(
            [newsls_binary(), "extract", "--stdin"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8"))
                    proc.stdin.write(b"\n")
            finally:
                proc.stdin.close()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for out in proc.stdout:
            yield compact(json.loads(out))
        writer.join()
        if proc.wait() != 0:
            stderr.seek(0)
            raise RuntimeError(
                f"newsls extract --stdin exited with {proc.returncode}: "
                + stderr.read().decode("utf-8", "replace")
            )


def compact(record):
    """What the aggregation reads of an extract record: errors, and the
    speakers and kinds of the quotes (the rest would only cost pickling)."""
    if "error" in record:
        return {"id": record.get("id"), "error": record["error"]}
    return {
        "id": record["id"],
        "actors": [{k: a[k] for k in ("name", "key", "kind", "named")} for a in record["actors"]],
        "quotes": [{"speaker": q["speaker"], "kind": q["kind"]} for q in record["quotes"]],
    }


def empty_row(first, last):
    return {"quotes": 0, "direct": 0, "mixed": 0, "indirect": 0,
            "articles": 1, "first": first, "last": last}


def article_rows(record):
    """(key, row) per speaker of one article, and ("", row) for its quotes
    with no speaker. A row counts quotes by kind; `first` is the position
    (article id, quote index) of its first quote, with the speaker's name,
    kind and anonymity there."""
    article = str(record["id"])
    actors = {}
    for a in record["actors"]:
        actors.setdefault(a["name"], a)
    rows = {}
    for i, q in enumerate(record["quotes"]):
        actor = actors.get(q["speaker"]) if q["speaker"] is not None else None
        key = actor["key"] if actor else ""
        who = (actor["name"], actor["kind"], not actor["named"]) if actor else None
        row = rows.setdefault(key, empty_row((article, i, who), article))
        row["quotes"] += 1
        row[q["kind"]] += 1
    return rows.items()


def merge(a, b):
    res = {k: a[k] + b[k] for k in ("quotes", "articles") + KINDS}
    res["first"] = min(a["first"], b["first"])
    res["last"] = max(a["last"], b["last"])
    return res


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON Lines: {id, text, lang?} per line")
    parser.add_argument("output", help="where the aggregate is written (JSON)")
    parser.add_argument("--partitions", type=int, default=0,
                        help="input partitions (default: 2 per core)")
    parser.add_argument("--newsls", help="the binary, when not shipped with --files")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("newsls-who-is-quoted").getOrCreate()
    sc = spark.sparkContext
    if args.newsls:
        sc.addFile(os.path.abspath(args.newsls))
    partitions = args.partitions or 2 * sc.defaultParallelism

    start = time.monotonic()
    records = sc.textFile(args.input, partitions).mapPartitions(extract_partition).cache()
    errors = records.filter(lambda r: "error" in r).map(lambda r: r["error"]).collect()
    articles = records.filter(lambda r: "error" not in r)
    total_articles = articles.count()
    total_quotes = articles.map(lambda r: len(r["quotes"])).sum()
    rows = dict(articles.flatMap(article_rows).reduceByKey(merge).collect())
    seconds = time.monotonic() - start

    def speaker(row):
        _, _, (name, kind, anonymous) = row["first"]
        return {"name": name, "kind": kind, "anonymous": anonymous,
                **{k: row[k] for k in ("quotes",) + KINDS + ("articles",)},
                "first_article": row["first"][0], "last_article": row["last"]}

    speakers = [speaker(r) for key, r in rows.items() if key != ""]
    speakers.sort(key=lambda s: (-s["quotes"], s["name"]))
    none = rows.get("")
    unattributed = {k: none[k] if none else 0 for k in ("quotes",) + KINDS + ("articles",)}
    unattributed["first_article"] = none["first"][0] if none else ""
    unattributed["last_article"] = none["last"] if none else ""
    result = {
        "total_articles": total_articles,
        "total_quotes": total_quotes,
        "errors": errors,
        "speakers": speakers,
        "unattributed_quotes": unattributed,
        "partitions": records.getNumPartitions(),
        "seconds": round(seconds, 3),
    }
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    per_article = 1000 * seconds / max(total_articles, 1)
    print(f"who_is_quoted: {total_articles} articles, {total_quotes} quotes, "
          f"{len(speakers)} speakers, {len(errors)} errors in {seconds:.1f} s "
          f"({per_article:.2f} ms per article, {result['partitions']} partitions)")
    spark.stop()
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
