#!/bin/sh
# tests/cli/fuzz_smoke.sh - replays every saved crash input and runs each
# libFuzzer target (build/fuzz/fuzz_*) for a short time (FUZZ_SECONDS, 15).
# With 4 cores or more the targets run side by side (each still for the full
# FUZZ_SECONDS), so the test takes FUZZ_SECONDS rather than that times the
# number of targets; on fewer cores they run one after the other, so each
# fuzzer keeps a whole core while tests/run.sh runs the other tests beside it.
# A crash found here is a failure; its input is saved under build/fuzz/ to be
# added to tests/data/fuzz-NAME/ as a test. Prints "N passed, N failed".
set -u
S=${FUZZ_SECONDS:-15}
R=$(mktemp -d)
trap 'rm -rf "$R"' EXIT

# fuzz_one TARGET NAME: the two checks for one target; writes one line per
# check, "pass" or "fail", to $R/NAME.res and the failure messages to
# $R/NAME.err.
fuzz_one() {
  f=$1
  name=$2
  seeds=tests/data/fuzz-$name
  # 1. saved inputs (former crashes and seeds) must pass
  if [ -d "$seeds" ] && [ -n "$(ls "$seeds")" ]; then
    if "$f" "$seeds"/* >/dev/null 2>&1; then echo pass; else echo fail; echo "FAIL: $name replays a saved crash" >&2; fi
  fi
  # 2. a short fuzzing run from the saved inputs
  corpus=$R/corpus-$name
  mkdir -p "$corpus"
  [ -d "$seeds" ] && cp "$seeds"/* "$corpus"/ 2>/dev/null
  if "$f" -max_total_time="$S" -max_len=65536 -artifact_prefix=build/fuzz/crash-$name- "$corpus" >build/fuzz/$name.log 2>&1; then
    echo pass
  else
    echo fail; echo "FAIL: $name found a crash (build/fuzz/$name.log)" >&2; tail -n 20 build/fuzz/$name.log >&2
  fi
}

side_by_side=0
[ "$(nproc 2>/dev/null || echo 1)" -ge 4 ] && side_by_side=1
names=""
for f in build/fuzz/fuzz_*; do
  [ -x "$f" ] || continue
  name=$(basename "$f" | sed 's/^fuzz_//')
  names="$names $name"
  fuzz_one "$f" "$name" >"$R/$name.res" 2>"$R/$name.err" &
  [ "$side_by_side" -eq 1 ] || wait
done
wait

pass=0
fail=0
for name in $names; do
  cat "$R/$name.err" >&2
  p=$(grep -c '^pass$' "$R/$name.res")
  f=$(grep -c '^fail$' "$R/$name.res")
  # a job that died before writing a line counts a failure for each check missing
  want=1
  [ -d "tests/data/fuzz-$name" ] && [ -n "$(ls "tests/data/fuzz-$name")" ] && want=2
  [ $((p + f)) -lt "$want" ] && f=$((want - p))
  pass=$((pass + p))
  fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
