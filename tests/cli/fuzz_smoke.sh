#!/bin/sh
# tests/cli/fuzz_smoke.sh - replays every saved crash input and runs each
# libFuzzer target (build/fuzz/fuzz_*) for a short time (FUZZ_SECONDS, 15).
# A crash found here is a failure; its input is saved under build/fuzz/ to be
# added to tests/data/fuzz-NAME/ as a test. Prints "N passed, N failed".
set -u
S=${FUZZ_SECONDS:-15}
pass=0
fail=0
for f in build/fuzz/fuzz_*; do
  [ -x "$f" ] || continue
  name=$(basename "$f" | sed 's/^fuzz_//')
  seeds=tests/data/fuzz-$name
  # 1. saved inputs (former crashes and seeds) must pass
  if [ -d "$seeds" ] && [ -n "$(ls "$seeds")" ]; then
    if "$f" "$seeds"/* >/dev/null 2>&1; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name replays a saved crash" >&2; fi
  fi
  # 2. a short fuzzing run from the saved inputs
  corpus=$(mktemp -d)
  [ -d "$seeds" ] && cp "$seeds"/* "$corpus"/ 2>/dev/null
  if "$f" -max_total_time="$S" -max_len=65536 -artifact_prefix=build/fuzz/crash-$name- "$corpus" >build/fuzz/$name.log 2>&1; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL: $name found a crash (build/fuzz/$name.log)" >&2; tail -n 20 build/fuzz/$name.log >&2
  fi
  rm -rf "$corpus"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
