#!/bin/sh
# tests/run.sh - runs every test and prints the closing line "N passed, N failed".
#
# 1. Each C test binary build/tests/test_* (built under ASan + UBSan) prints
#    its own "N passed, N failed"; a binary that crashes counts one failure.
# 2. Each shell test tests/cli/*.sh drives build/san/tumbuh and prints its
#    own "N passed, N failed" the same way.
# Tests run from the repository root; WHO_DIR names the WHO tables directory.
set -u
cd "$(dirname "$0")/.."
export WHO_DIR="${WHO_DIR:-../shared/who}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
total_p=0
total_f=0
run_one() {
  name=$1; shift
  out=$("$@" 2>/tmp/tb_test_err.$$)
  rc=$?
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  if [ -z "$line" ]; then
    p=0; f=1
    echo "  $name: no result line (exit $rc)"
    sed 's/^/    /' /tmp/tb_test_err.$$ | tail -n 20
  else
    p=${line%% passed*}
    f=${line#*passed, }; f=${f%% failed*}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    echo "  $name: $line"
    if [ "$f" -ne 0 ]; then sed 's/^/    /' /tmp/tb_test_err.$$ | tail -n 40; fi
  fi
  total_p=$((total_p + p))
  total_f=$((total_f + f))
}
for t in build/tests/test_*; do
  [ -x "$t" ] || continue
  run_one "$(basename "$t")" "$t"
done
for t in tests/cli/*.sh; do
  [ -f "$t" ] || continue
  run_one "$(basename "$t")" sh "$t"
done
rm -f /tmp/tb_test_err.$$
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
