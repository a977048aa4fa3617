#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 30), seeded with the saved
# inputs of tests/fixtures/fuzz and the fixture articles. A crash stops the
# run and is left in fuzz/artifacts/TARGET/: copy it to
# tests/fixtures/fuzz/TARGET/ with the fix.
#   fuzz/run.sh [SECONDS] [TARGET...]
# FUZZ_SEED=N fixes libFuzzer's seed and FUZZ_RUNS=N bounds the inputs per
# target (SECONDS stays the cap): with both, every machine runs the same
# sequence of inputs, a slower one only a shorter prefix of it (CI uses
# this; local runs without them explore).
#
# The targets are libFuzzer binaries (libfuzzer-sys) built with plain cargo
# and the coverage flags cargo-fuzz would pass, so nothing needs installing;
# `cargo fuzz run TARGET` works on the same crate too. No sanitizer: the
# crate has no unsafe code, and without AddressSanitizer the build and the
# runs are several times faster.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analysis brat settings edits frames)
triple=$(rustc -vV | sed -n 's/^host: //p')
# What `cargo fuzz build -O -s none` passes (cargo-fuzz 0.13), except one
# codegen unit: several build faster, and these runs only look for crashes.
flags="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4"
flags+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters"
flags+=" -Cllvm-args=-sanitizer-coverage-pc-table"
flags+=" -Cllvm-args=-sanitizer-coverage-trace-compares"
flags+=" -Cllvm-args=-simplifycfg-branch-fold-threshold=0 --cfg fuzzing"
case "$triple" in *-linux-*) flags+=" -Cllvm-args=-sanitizer-coverage-stack-depth" ;; esac
build_log=$(mktemp)
if ! RUSTFLAGS="$flags" cargo build --release --bins --target "$triple" \
  --config 'profile.release.debug="line-tables-only"' >"$build_log" 2>&1; then
  cat "$build_log" >&2
  exit 1
fi
rm -f "$build_log"
bin=target/$triple/release
for t in "${targets[@]}"; do
  corpus=corpus/$t
  mkdir -p "$corpus"
  if [ -n "${FUZZ_SEED:-}" ]; then
    # The same starting corpus everywhere: only the saved inputs.
    rm -rf "$corpus"
    mkdir -p "$corpus"
  fi
  cp ../tests/fixtures/fuzz/"$t"/* "$corpus"/
  if [ "$t" = analysis ]; then
    cp ../tests/fixtures/articles/*.txt "$corpus"/
  fi
  if [ "$t" = settings ]; then
    for f in $(find ../tests/fixtures ../examples -name newsls.toml); do
      cp "$f" "$corpus/$(echo "$f" | md5sum | cut -c1-12)"
    done
  fi
  echo "== fuzz $t, ${seconds}s${FUZZ_SEED:+, seed $FUZZ_SEED}${FUZZ_RUNS:+, at most $FUZZ_RUNS runs}"
  log=$(mktemp)
  status=0
  extra=()
  [ -n "${FUZZ_SEED:-}" ] && extra+=("-seed=$FUZZ_SEED")
  [ -n "${FUZZ_RUNS:-}" ] && extra+=("-runs=$FUZZ_RUNS")
  mkdir -p "artifacts/$t"
  "$bin/$t" -artifact_prefix="artifacts/$t/" "$corpus" -max_total_time="$seconds" -max_len=16384 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" >"$log" 2>&1 || status=$?
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|panicked|ERROR|SUMMARY' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
  fi
  rm -f "$log"
  if [ "$status" -ne 0 ]; then
    echo "fuzz $t failed; the input is in fuzz/artifacts/$t/" >&2
    exit "$status"
  fi
done
