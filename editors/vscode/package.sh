#!/usr/bin/env bash
# Builds newsls.vsix: installs the locked dependencies, type-checks, lints,
# runs the unit tests and packages, with BINARY (optional) bundled as
# server/newsls.
#   editors/vscode/package.sh [BINARY]
set -euo pipefail
binary=${1:+$(realpath "$1")}
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
npm run -s typecheck
npm run -s lint
npm test --silent
rm -rf server
if [ -n "$binary" ]; then
  mkdir -p server
  cp "$binary" server/newsls
  strip server/newsls 2>/dev/null || true
  chmod +x server/newsls
fi
npm run -s package
ls -l newsls.vsix
