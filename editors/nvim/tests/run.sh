#!/usr/bin/env bash
# Runs the headless Neovim smoke test against a newsls binary.
#   editors/nvim/tests/run.sh NVIM NEWSLS_BINARY
set -euo pipefail
nvim=$1
binary=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/tests/fixtures/articles/002_cyber_accord_2015.txt" "$work/article.txt"
status=0
"$nvim" --headless -u NONE -i NONE -l "$here/smoke.lua" "$binary" "$work/article.txt" "$work/out.json" || status=$?
python3 - "$work/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ok = sum(c["ok"] for c in d["checks"])
for c in d["checks"]:
    print(("ok    " if c["ok"] else "FAIL  ") + c["name"])
print(f"nvim: {ok} passed, {len(d['checks']) - ok} failed")
PY
exit $status
