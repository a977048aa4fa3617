#!/usr/bin/env bash
# The Spark job of this folder, for real, in local mode: installs what a
# fresh Debian machine lacks (install.sh: a headless JRE from Debian,
# PySpark from PyPI into a venv under target/), generates a corpus of N
# articles (default 2,000) as files and as JSON Lines, runs
# who_is_quoted.py with spark-submit --master 'local[2]' (newsls shipped
# with --files), and
# checks its aggregate against `newsls stats --format json` on the files
# (compare.py). Spark binds to the loopback address only.
#   examples/spark/run.sh [NEWSLS_BINARY] [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
bin=$(realpath "${1:-target/release/newsls}")
n=${2:-2000}
work=$root/target/spark
venv=$("$here/install.sh" "${NEWSLS_SPARK_VENV:-$root/target/spark-venv}")

echo "generating $n articles"
rm -rf "$work"
mkdir -p "$work"
# The generator in the binary's profile: nothing else to build.
profile=()
case "$bin" in */target/release/*) profile=(--release) ;; esac
cargo run --locked --quiet "${profile[@]}" --example generate_corpus -- "$n" "$work/corpus" --jsonl "$work/articles.jsonl"

echo "spark-submit --master 'local[2]'"
export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python
start=$(date +%s%N)
"$venv/bin/spark-submit" --master 'local[2]' \
  --conf spark.ui.enabled=false \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.log.level=WARN \
  --files "$bin" \
  "$here/who_is_quoted.py" "$work/articles.jsonl" "$work/who_is_quoted.json" 2> "$work/spark.log" ||
  { tail -40 "$work/spark.log" >&2; exit 1; }
ms=$((($(date +%s%N) - start) / 1000000))
echo "spark-submit took $((ms / 1000)).$((ms % 1000 / 100)) s (JVM start included), $((ms * 1000 / n)) µs per article"

"$bin" stats --format json "$work/corpus" > "$work/stats.json"
python3 "$here/compare.py" "$work/who_is_quoted.json" "$work/stats.json" "$work/corpus"
