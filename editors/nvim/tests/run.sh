#!/usr/bin/env bash
# Headless Neovim test of the newsls plugin, loaded as a user loads it:
# once with vim.lsp.enable (init_enable.lua), once with setup{}
# (init_setup.lua). What each run saw is kept in target/nvim-e2e/.
#   editors/nvim/tests/run.sh NVIM NEWSLS_BINARY
set -euo pipefail
nvim=$1
export NEWSLS_BIN=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
export NEWSLS_PLUGIN=$root/editors/nvim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for mode in enable setup; do
  # A corpus folder: newsls.toml at the root marks it, the article below.
  mkdir -p "$work/$mode/articles"
  printf '[language]\ndefault = "fr"\n' > "$work/$mode/newsls.toml"
  cp "$root/tests/fixtures/articles/002_cyber_accord_2015.txt" "$work/$mode/articles/article.txt"
  # Its own cache folder: :NewslsStats html writes the report there.
  XDG_CACHE_HOME="$work/$mode/cache" \
  "$nvim" --headless -u "$here/init_$mode.lua" -i NONE -l "$here/smoke.lua" \
    "$work/$mode/articles/article.txt" "$work/$mode/out.json" || status=$?
  python3 - "$work/$mode/out.json" "$mode" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ok = sum(c["ok"] for c in d["checks"])
for c in d["checks"]:
    line = ("ok    " if c["ok"] else "FAIL  ") + c["name"]
    if not c["ok"]:
        line += ": " + json.dumps(c.get("detail"), ensure_ascii=False)[:600]
    print(line)
print(f"nvim ({sys.argv[2]}): {ok} passed, {len(d['checks']) - ok} failed")
PY
  mkdir -p "$root/target/nvim-e2e"
  cp "$work/$mode/out.json" "$root/target/nvim-e2e/$mode.json"
done
exit $status
