#!/usr/bin/env bash
# Headless Emacs + eglot against a newsls binary, with the README's
# configuration (Debian: emacs-nox elpa-eglot).
#   editors/emacs/run.sh NEWSLS_BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export NEWSLS_BIN=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A project root (eglot asks project.el for one).
git -C "$work" init -q
cp "$root/tests/fixtures/articles/002_cyber_accord_2015.txt" "$work/article.txt"
emacs --batch -Q -l "$here/test.el" "$work/article.txt" 2>"$work/stderr" ||
  { cat "$work/stderr" >&2; exit 1; }
