#!/usr/bin/env bash
# What the Spark job needs on a fresh Debian machine: a headless JRE from
# Debian (when there is no java) and PySpark from PyPI in a venv (default
# target/spark-venv). Quiet; prints the venv's path. Does nothing when both
# are there.
#   examples/spark/install.sh [VENV]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv=$(realpath -m "${1:-$root/target/spark-venv}")
pyspark_version=4.3.0

# NEWSLS_SPARK_NO_JRE=1: the caller installs the JRE (CI does, with its
# other Debian packages: one apt at a time).
if [ -z "${NEWSLS_SPARK_NO_JRE:-}" ] && ! command -v java >/dev/null 2>&1; then
  echo "apt-get install openjdk-17-jre-headless" >&2
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null 2>&1 ||
    (apt-get update -qq && apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null)
fi
if [ ! -x "$venv/bin/spark-submit" ]; then
  echo "pip install pyspark==$pyspark_version into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark==$pyspark_version" >&2
fi
echo "$venv"
