#!/bin/sh
# tests/run.sh [NAME...] - runs the tests, in parallel, and prints the closing
# line "N passed, N failed" (exit status non-zero on any failure).
#
# 1. Each C test binary build/tests/test_* (built under ASan + UBSan) prints
#    its own "N passed, N failed"; a binary that crashes counts one failure.
# 2. Each shell test tests/cli/*.sh drives build/san/tumbuh and prints its
#    own "N passed, N failed" the same way.
# NAMEs (test_csv, web_scope or web_scope.sh, ...) run only those tests.
# The tests run as TEST_JOBS parallel jobs (default: one per core), the slowest
# first; each test's line (and, on failure, its stderr) is printed once all
# have finished, in a fixed order: the C tests, then the shell tests, each by
# name. Every test uses its own temporary directory (tests/cli-lib.sh) and
# web server port (tests/web-lib.sh), so they can run side by side.
# Tests run from the repository root; WHO_DIR names the WHO tables directory.
set -u
cd "$(dirname "$0")/.."
export WHO_DIR="${WHO_DIR:-../shared/who}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# run_one OUTDIR NAME: runs one test; writes OUTDIR/NAME.txt (the lines to
# print) and OUTDIR/NAME.res ("PASSED FAILED"). Always exits 0, so that xargs
# goes on with the other tests.
run_one() {
  dir=$1
  name=$2
  case $name in
  *.sh) set -- sh "tests/cli/$name" ;;
  *) set -- "build/tests/$name" ;;
  esac
  err=$dir/$name.err
  out=$("$@" 2>"$err")
  rc=$?
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  {
    if [ -z "$line" ]; then
      p=0
      f=1
      echo "  $name: no result line (exit $rc)"
      sed 's/^/    /' "$err" | tail -n 20
    else
      p=${line%% passed*}
      f=${line#*passed, }
      f=${f%% failed*}
      if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
      echo "  $name: $line"
      if [ "$f" -ne 0 ]; then sed 's/^/    /' "$err" | tail -n 40; fi
    fi
  } >"$dir/$name.txt"
  echo "$p $f" >"$dir/$name.res"
  exit 0
}
if [ "${1:-}" = --one ]; then
  run_one "$2" "$3"
fi

# The tests, in print order: every C test binary, then every shell test.
all=""
for t in build/tests/test_*; do
  [ -x "$t" ] && all="$all $(basename "$t")"
done
for t in tests/cli/*.sh; do
  [ -f "$t" ] && all="$all $(basename "$t")"
done
if [ $# -gt 0 ]; then
  names=""
  for n in "$@"; do
    n=$(basename "$n" .sh)
    case " $all " in
    *" $n "*) names="$names $n" ;;
    *" $n.sh "*) names="$names $n.sh" ;;
    *)
      echo "tests/run.sh: no test named '$n' (build/tests/$n or tests/cli/$n.sh)" >&2
      exit 2
      ;;
    esac
  done
else
  names=$all
fi

# Start order: the slowest first, so the long ones overlap the short ones.
SLOW="fuzz_smoke.sh import.sh browser.sh test_xlsx demo.sh web_scope.sh"
order=""
for n in $SLOW; do
  case " $names " in *" $n "*) order="$order $n" ;; esac
done
for n in $names; do
  case " $SLOW " in *" $n "*) ;; *) order="$order $n" ;; esac
done

# A PORT set outside would make the web tests share one port: each picks its
# own from its PID instead (tests/web-lib.sh).
unset PORT
JOBS=${TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
dir=$(mktemp -d "${TMPDIR:-/tmp}/tumbuh-tests.XXXXXX")
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' INT TERM
printf '%s\n' $order | xargs -r -n 1 -P "$JOBS" sh tests/run.sh --one "$dir"

total_p=0
total_f=0
for n in $names; do
  if [ -f "$dir/$n.res" ]; then
    cat "$dir/$n.txt"
    read -r p f <"$dir/$n.res"
  else
    echo "  $n: did not run"
    p=0
    f=1
  fi
  total_p=$((total_p + p))
  total_f=$((total_f + f))
done
echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
